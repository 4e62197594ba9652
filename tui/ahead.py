"""Work done ahead of the user: styles read per folder, step screens built while idle.

At start only the first screen's styles are read (parsing every folder's and matching
each widget against all of them delayed the first frame). A screen's folder styles are
read when it is first shown (`folder_styles`, from `RepayApp._load_screen_css`).

Building a step screen (import, compose, mount, fill from a 10,000-entry log) took
~270 ms on its first visit. Once home is complete and the user has not typed for a
moment, `Prebuilder` builds the step screens one at a time on the app's thread (Textual
widgets must be made there): each slice is a timer callback, and a key press pushes
the next slice back, so a keystroke waits at most for the slice already running. A
screen built ahead is installed under the name the keys use (`step-N`) and filled with
the data as it is; a save later makes it catch up when shown, as any other screen.

The heap of a big workbook (its records, the screens built ahead, their tables and
Textual's line caches: ~200,000 objects) made each full garbage collection take
80-120 ms, and one came every few dozen switches, whenever allocation tipped it: a
key pressed then waited for it (the slowest switches). Once the data is read, and
again once every screen is built, the builder collects and then freezes the heap
(`gc.freeze`): what is alive then is never scanned again by the cyclic collector
(reference counting still frees it), so a full collection only walks what came later.
Use makes new objects (a save's records, tables refilled, recomposed screens, line
caches) and turns frozen ones into garbage: once enough new ones came, the whole heap is
thawed, collected and frozen again at the next longer pause, so frozen garbage never
outlives the next such pause.
"""

from __future__ import annotations

import functools
import gc
import time
from collections import deque
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.steps import STEP_SCREENS, step_screen

if TYPE_CHECKING:
    from textual.app import App

TUI_DIR = Path(__file__).parent
# The styles read at start: the shared ones and the first screen's.
START_STYLES: list[Path] = [TUI_DIR / "app.tcss", *sorted((TUI_DIR / "home").glob("*.tcss"))]
IDLE_S = 0.3  # no key or click for this long before a slice of work ahead
TICK_S = 0.05  # between two checks or two slices
# Thawing and collecting the whole heap is a long slice (~100 ms on the big workbook):
# it waits for a longer pause than the other slices, and for enough new objects that
# a full collection would cost a switch dearly (~40,000 took 20-50 ms).
REFREEZE_IDLE_S = 1.0
REFREEZE_OBJECTS = 30_000
HEAP_CHECK_S = 1.0  # between two looks at the heap once every screen is built


def folder_styles(screen_type: type) -> list[Path]:
    """The .tcss files of the tui/ folder a screen or dialog class is defined in."""
    return list(_folder_styles(screen_type.__module__))


@functools.cache
def _folder_styles(module: str) -> tuple[Path, ...]:
    # Asked at every screen switch: the folder is listed once (the files do not change
    # while the app runs).
    parts = module.split(".")
    if len(parts) < 3 or parts[0] != "tui":
        return ()
    return tuple(sorted((TUI_DIR / parts[1]).glob("*.tcss")))


def _freeze_heap(whole: bool = False) -> None:
    # Collected first, so the garbage of the moment is not frozen with the rest (frozen
    # garbage in a cycle would never be freed). `whole`: thawed first, so what was
    # frozen earlier and is garbage now (an old table, recomposed widgets) goes too.
    if whole:
        gc.unfreeze()
    gc.collect()
    gc.freeze()


def all_styles() -> list[Path]:
    return sorted(TUI_DIR.glob("*/*.tcss"))


def read_styles(app: App[Any], paths: list[Path]) -> bool:
    """Read the styles not yet read and restyle what is mounted; True if any was new."""
    fresh = [path for path in paths if not app.stylesheet.has_source(str(path), "")]
    for path in fresh:
        app.stylesheet.read(path)
    if fresh:
        app.stylesheet.reparse()
        app.stylesheet.update(app)
    return bool(fresh)


class Prebuilder:
    """Builds the step screens ahead, one slice per timer tick while the user is idle.

    Slices: read every folder's styles; then per screen: build it (import, construct,
    install, compose and mount, which Textual runs in the messages that follow), fill
    it (`sync`: its data as it is now), lay it out at the terminal's size, render it.
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self.last_input = 0.0
        self.jobs: deque[Callable[[], None]] = deque([_freeze_heap, self._read_styles])
        self.jobs.extend(partial(self._build, step) for step in STEP_SCREENS)
        self.jobs.append(_freeze_heap)

    @property
    def done(self) -> bool:
        return not self.jobs

    def user_acted(self) -> None:
        self.last_input = time.monotonic()

    def start(self) -> None:
        self.app.set_timer(TICK_S, self.tick)

    def tick(self) -> None:
        app = self.app
        if getattr(app, "_quitting", False) or not app.is_running:
            return
        if self.done:  # all built: from now on only the heap is looked after
            self._keep_heap_frozen()
            app.set_timer(HEAP_CHECK_S, self.tick)
            return
        if app.cached_step_states() is None or time.monotonic() - self.last_input < IDLE_S:
            app.set_timer(TICK_S, self.tick)  # home not complete yet, or the user is busy
            return
        self.jobs.popleft()()
        app.set_timer(TICK_S, self.tick)

    def _keep_heap_frozen(self) -> None:
        # Saves, tables refilled, recomposed screens and Textual's line caches make new
        # objects (and garbage of frozen ones): once enough came, at a longer pause.
        if time.monotonic() - self.last_input < REFREEZE_IDLE_S:
            return
        if len(gc.get_objects()) >= REFREEZE_OBJECTS:  # the unfrozen ones only
            _freeze_heap(whole=True)

    def _read_styles(self) -> None:
        # Every folder's styles at once: one restyle while only home is mounted, rather
        # than one per screen over all the screens built so far.
        read_styles(self.app, all_styles())

    def _build(self, step: int) -> None:
        app, name = self.app, f"step-{step}"
        if app.is_screen_installed(name):
            return  # the user went there already
        screen = step_screen(step)()
        app.install_screen(screen, name)
        app._load_screen_css(screen)
        # Textual composes and mounts a screen when it is first shown; registering it
        # now (what push_screen does first) composes it on this thread, unseen.
        app._get_screen(name)
        self.jobs.appendleft(partial(self._fill, screen))

    def _fill(self, screen: Any) -> None:
        if not screen.is_mounted:
            self.jobs.appendleft(partial(self._fill, screen))  # still composing
            return
        if not screen.is_current:
            self.app.call_later(screen.sync)  # its data as it is now
            self.jobs.appendleft(partial(self._lay_out, screen))

    def _lay_out(self, screen: Any, again: int = 2) -> None:
        # What showing it would do first (Textual lays a screen out when it is resumed
        # at a new size, or when a widget asked for it); nothing is drawn while the
        # screen is not in front. Widgets filled late may ask again: checked `again`
        # more times.
        if screen.is_current:
            return
        try:
            if screen.size != self.app.size or screen._layout_required:
                screen._refresh_layout(self.app.size)
                screen._layout_required = False
                screen._dirty_widgets.clear()
            # Its widgets' lines worked out (Textual keeps them until a widget changes),
            # so showing it only has to write them; the result is not written anywhere.
            screen._compositor.render_update(full=True)
        except AttributeError:  # a Textual without these: shown the ordinary way
            return
        if again:
            self.jobs.appendleft(partial(self._lay_out, screen, again - 1))
