"""App-wide guards: keys while quitting are dropped; the palette inside a dialog."""

from textual import events
from tui_helpers import SIZE

from tui.dialogs.export import ExportDialog


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
    from tui.commands import palette_actions
    from tui.dialogs.form import FormDialog

    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "a")
        assert isinstance(demo_app.screen, FormDialog)
        titles = [a.title for a in palette_actions(demo_app.screen)]
        assert "Cancel" in titles and not any(t.startswith("Go to step") for t in titles)


async def test_a_failed_save_keeps_the_payment_form_and_its_amount(demo_app, monkeypatch):
    from storage import WorkbookWriteError
    from tui.dialogs.payment_form import PaymentForm

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
