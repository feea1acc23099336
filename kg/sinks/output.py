"""Where a command's output goes: one policy for every file kg writes.

- ``-`` is standard output;
- an existing file (or folder) is never overwritten unless ``force`` is given: the one
  place that says "exists; use --force";
- a file is written whole or not at all (a temporary file renamed over the target), so
  that a failed export never leaves half a file where a good one was.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_text("a\\n", str(folder / "x.txt"), force=False)
'wrote ...x.txt'
>>> write_text("b\\n", str(folder / "x.txt"), force=False)
Traceback (most recent call last):
...
kg.errors.KgError: .../x.txt exists; use --force to overwrite it
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import orjson

from kg.errors import KgError

STDOUT = "-"


def check_writable(output: str | Path, force: bool) -> Path:
    """The path to write, refused when it exists and ``force`` is not given."""
    path = Path(output)
    if path.exists() and not force:
        raise KgError(f"{path} exists; use --force to overwrite it")
    return path


def json_text(value: object) -> str:
    """JSON as kg writes it: UTF-8 text (no \\u escapes), two-space indents, a final
    newline; by orjson, the same text as ``json.dumps(indent=2, ensure_ascii=False)``
    several times faster (an export of a big store is mostly this).

    >>> print(json_text({"town": "庙行镇", "share": 0.2}), end="")
    {
      "town": "庙行镇",
      "share": 0.2
    }
    """
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(text: str, output: str, force: bool, encoding: str = "utf-8") -> str:
    """Write ``text`` to ``output`` (a file, or ``-`` for standard output); returns what
    was done, for the command to tell (empty for standard output)."""
    if output == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return ""
    path = check_writable(output, force)
    handle, temporary = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.")
    try:
        # mkstemp makes the file private; an export gets the mode any new file would get
        os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return f"wrote {path}"
