"""The baseline for startup: a bare Textual app (Header, Static, Footer), nothing else.

Launched by `bench_startup` exactly as `repay` is (a new interpreter in a pty), so the
ratio shows what our imports, data and screens add to what any Textual app costs.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY = "bare app ready"


class BareApp(App[None]):
    TITLE = "Bare"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
