"""App-wide guards: keys while quitting, dialogs' palette, failed saves, crash reports."""

import io

from textual import events
from tui_helpers import SIZE

from tui.export.dialog import ExportDialog


async def test_a_key_after_quit_opens_nothing(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        screens = len(demo_app.screen_stack)
        demo_app._quitting = True  # what exit() sets before the app winds down
        await demo_app.on_event(events.Key("e", "e"))
        await pilot.pause()
        assert len(demo_app.screen_stack) == screens
        assert not isinstance(demo_app.screen, ExportDialog)
        demo_app._quitting = False
        await pilot.press("e")
        assert isinstance(demo_app.screen, ExportDialog)  # the same key works otherwise


async def test_exit_marks_the_app_as_quitting(demo_app):
    async with demo_app.run_test(size=SIZE):
        demo_app.exit()
        assert demo_app._quitting


async def test_the_palette_on_a_form_offers_its_save_and_cancel(demo_app):
    from tui.frame.form import FormDialog
    from tui.palette import palette_actions

    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a")
        assert isinstance(demo_app.screen, FormDialog)
        titles = [a.title for a in palette_actions(demo_app.screen)]
        assert "Cancel" in titles and not any(t.startswith("Go to step") for t in titles)


async def test_a_failed_save_keeps_the_payment_form_and_its_amount(demo_app, monkeypatch):
    from storage import WorkbookWriteError
    from tui.followup.payment_form import PaymentForm

    def full_disk(*args, **kwargs):
        raise WorkbookWriteError(demo_app.wb.path, OSError(28, "No space left on device"))

    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "r")
        form = demo_app.screen
        assert isinstance(form, PaymentForm)
        before = len(demo_app.wb.payments.list())
        monkeypatch.setattr(demo_app.wb.payments, "add", full_disk)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is form and len(demo_app.wb.payments.list()) == before
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is not form and len(demo_app.wb.payments.list()) == before + 1


async def test_a_crash_report_never_shows_the_users_data(demo_app, monkeypatch):
    from rich.console import Console

    async with demo_app.run_test(size=SIZE):
        monkeypatch.setattr(demo_app, "_close_messages_no_wait", lambda: None)
        # A local variable of the failing frame (built, so the source line does not hold it).
        id_number = "".join(["110101", "19900101", "1234"])
        try:
            raise ValueError(f"failed near record {len(id_number)}")
        except ValueError:
            demo_app._fatal_error()
        console = Console(width=100, record=True, color_system=None, file=io.StringIO())
        for renderable in demo_app._exit_renderables:
            console.print(renderable)
        shown = console.export_text()
        demo_app._exit_renderables.clear()
    assert "ValueError" in shown and "Everything saved" in shown
    assert "110101199001011234" not in shown
