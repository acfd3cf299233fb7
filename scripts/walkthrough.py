"""A reviewer's day in the REAL window, driven by keystrokes, with a screenshot at each step.

Runs the workstation on the X display it is given (a real screen, or Xvfb with a window
manager), on a throw-away home folder and store, and sends keys with xdotool:

    Xvfb :99 -screen 0 1366x768x24 &  DISPLAY=:99 openbox &
    DISPLAY=:99 uv run python scripts/walkthrough.py --out /tmp/day

First run (who is reviewing, the sample ingested and scanned), reading, dismissing a wrong
highlight, marking a missed name, appraising, closing, redacting, the shortcut sheet, the blind
second review and the export dialog. Each step saves `NN-step.png` (the whole screen, as a
256-colour PNG to keep it small); look at every picture. Needs xdotool and ImageMagick's
`import`. Exit 0 when every step ran, 1 naming the step that did not.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "sample"


class StepFailed(RuntimeError):
    """A step whose window never appeared."""


class Day:
    """The running workstation and the keys sent to it."""

    def __init__(self, out: Path, home: Path, scale: str | None) -> None:
        self.out, self.home = out, home
        self.db = f"sqlite:///{(home / 'store.sqlite').as_posix()}"
        self.env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
        }
        self.env.pop("QT_QPA_PLATFORM", None)  # the real window, never offscreen
        if scale:
            self.env["QT_SCALE_FACTOR"] = scale
        self.step_no = 0
        self.started = time.monotonic()
        self.gui: subprocess.Popen[bytes] | None = None

    # the workstation
    def start(self) -> None:
        log = (self.out / "gui.log").open("wb")
        self.gui = subprocess.Popen(
            [sys.executable, "-m", "reviewer.cli", "--db", self.db, "gui"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def stop(self) -> None:
        if self.gui is not None and self.gui.poll() is None:
            self.gui.terminate()
            try:
                self.gui.wait(15)
            except subprocess.TimeoutExpired:
                self.gui.kill()

    def cli(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "reviewer.cli", "--db", self.db, *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        return done.stdout + done.stderr

    # the screen
    def windows(self, pattern: str) -> list[str]:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", pattern],
            capture_output=True,
            text=True,
        )
        return found.stdout.split()

    def wait_window(self, pattern: str, seconds: float = 30) -> str:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self.gui is not None and self.gui.poll() is not None:
                raise StepFailed(f"the workstation exited ({self.gui.returncode}); see gui.log")
            found = self.windows(pattern)
            if found:
                return found[-1]
            time.sleep(0.3)
        raise StepFailed(f"no window named like {pattern!r} after {seconds:.0f} s")

    def focus(self, window: str) -> None:
        subprocess.run(["xdotool", "windowactivate", "--sync", window], check=False)

    def keys(self, *keys: str, pause: float = 0.6) -> None:
        for key in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)
            time.sleep(0.15)
        time.sleep(pause)

    def type(self, text: str, pause: float = 0.4) -> None:
        subprocess.run(["xdotool", "type", "--delay", "40", text], check=True)
        time.sleep(pause)

    def shot(self, name: str) -> Path:
        self.step_no += 1
        path = self.out / f"{self.step_no:02d}-{name}.png"
        subprocess.run(["import", "-window", "root", f"PNG8:{path}"], check=True)
        print(f"{time.monotonic() - self.started:6.1f} s  {path.name}")
        return path


def reviewer_day(day: Day) -> None:
    """The steps, in the order a reviewer meets them."""
    day.start()
    who = day.wait_window("^Who is reviewing", 60)
    day.focus(who)
    day.shot("first-run-who-is-reviewing")
    day.type("Ann Reviewer")
    day.keys("Tab", "Down", pause=0.5)  # role: sensitivity reviewer (who also appraises here)
    day.shot("first-run-sensitivity-reviewer")
    day.keys("Return", pause=1)
    day.wait_window("Records Reviewer$", 60)
    time.sleep(4)
    day.shot("first-run-preparing-the-sample")
    t0 = time.monotonic()
    main = day.wait_window(f"^{SAMPLE} — Records Reviewer", 600)
    print(f"first run: sample ingested and scanned in {time.monotonic() - t0:.0f} s")
    day.focus(main)
    time.sleep(3)  # the first record's highlights
    day.shot("open-sample-first-record")
    day.keys("j", pause=2)
    day.shot("read-next-record")
    day.keys("n", "n", pause=1)
    day.shot("highlight-chosen")
    day.keys("Delete", pause=2)
    day.shot("highlight-dismissed")
    day.keys("ctrl+f")
    day.type("Maltster")
    day.keys("Return", "Escape", pause=1)
    day.keys("m", pause=1)
    day.shot("missed-name-menu")
    day.keys("Return", pause=2)  # the first label, Person, is active
    day.shot("missed-name-marked")
    day.keys("1", "s", pause=2)
    day.shot("appraised-select")
    day.keys("c", pause=1.5)
    day.shot("closed-needs-exemptions")
    day.keys("w", pause=1.5)
    day.shot("open-with-redactions")
    day.keys("n", "n", "b", pause=2.5)
    day.shot("highlight-redacted")
    day.keys("j", pause=2)
    day.keys("o", pause=2)
    day.shot("next-record-open")
    day.keys("question", pause=1.5)
    day.shot("shortcut-sheet")
    day.keys("Escape", pause=1)
    day.keys("shift+F1", pause=1.5)
    day.shot("how-to-work")
    day.keys("Escape", pause=1)
    print(day.cli("qa", "sample", "--collection", SAMPLE, "--size", "2", "--seed", "1").strip())
    day.focus(main)
    day.keys("ctrl+shift+q", pause=2.5)
    if day.windows("^Blind second review$"):  # "not working in the QA role" notice
        day.keys("Return", pause=1.5)
    qa = day.wait_window("^Blind second review — checker", 20)
    day.focus(qa)
    time.sleep(1.5)
    day.shot("qa-blind-review")
    day.keys("alt+F4", pause=1.5)
    day.focus(main)
    day.keys("ctrl+e", pause=4)
    day.shot("export-dialog")
    day.keys("Escape", pause=1)
    day.focus(main)
    day.keys("alt+F4", pause=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the screenshots")
    parser.add_argument("--scale", help="QT_SCALE_FACTOR for the window, e.g. 1.5")
    parser.add_argument("--keep-home", action="store_true", help="keep the throw-away home")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        print("walkthrough: DISPLAY is not set (start Xvfb and a window manager)", file=sys.stderr)
        return 2
    missing = [t for t in ("xdotool", "import") if shutil.which(t) is None]
    if missing:
        print(f"walkthrough: needs {' and '.join(missing)} on PATH", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("[0-9][0-9]-*.png"):
        old.unlink()
    home = Path(tempfile.mkdtemp(prefix="reviewer-walkthrough-"))
    day = Day(args.out, home, args.scale)
    try:
        reviewer_day(day)
    except (StepFailed, subprocess.CalledProcessError) as exc:
        print(f"walkthrough: step {day.step_no + 1} failed: {exc}", file=sys.stderr)
        day.shot("failed")
        return 1
    finally:
        day.stop()
        if not args.keep_home:
            shutil.rmtree(home, ignore_errors=True)
    print(f"{day.step_no} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
