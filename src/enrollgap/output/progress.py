"""A transient progress bar on stderr while a big file is read.

Shown only when stderr is a terminal and the file is big; never on stdout.
"""

from __future__ import annotations

from collections.abc import Callable


def progress_for(threshold: int, console=None) -> Callable[[str, int], Callable[[int | None], None] | None]:
    """A ReadOptions.progress hook: for a file of at least threshold bytes, a function
    that moves a bar to the bytes read so far, and removes it when called with None
    (the file is read, or reading stopped at an error)."""

    def start(name: str, size: int) -> Callable[[int | None], None] | None:
        if size < threshold:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
        from rich.text import Text

        from ..text import visible

        bar = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=True,
            auto_refresh=False,
        )
        task = bar.add_task(Text(f"reading {visible(name, 200)}").plain, total=size)  # a name is never markup
        bar.start()

        def update(done: int | None) -> None:
            if done is None:
                bar.stop()
            else:
                bar.update(task, completed=done, refresh=True)

        return update

    return start
