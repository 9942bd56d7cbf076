"""What every script in this folder shares: run a command of the ita_site package.

A script is the user's command (``python scripts/validate.py``); its work is in the package
(``ita_site/commands/``, ``ita_site/devtools/``). When the Python that runs the script does
not have the package, the script runs again with the project's own ``.venv`` (made by
``scripts/build.sh``), so a clerk never has to activate it.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
NOT_INSTALLED = (
    "ยังไม่ได้ติดตั้งโปรแกรม (ita_site is not installed): รัน scripts/build.sh หนึ่งครั้งก่อน "
    "(ติดตั้งลงใน .venv) แล้วรันคำสั่งนี้อีกครั้ง"
)


def run(module: str, project: bool = True) -> int:
    """Call ``main()`` of `module` (``ita_site.commands.validate``); `project`: pass this
    checkout as the project folder (``main(root=...)``)."""
    try:
        command = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("ita_site"):
            raise
        python = VENV / "bin" / "python"
        if python.is_file() and Path(sys.prefix).resolve() != VENV.resolve():
            os.execv(python, [str(python), *sys.argv])
        print(NOT_INSTALLED, file=sys.stderr)
        return 2
    return command.main(root=ROOT) if project else command.main()
