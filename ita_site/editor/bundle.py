"""The editor's JavaScript: Decap CMS and js-yaml, pinned, served from the site itself (no CDN).

Decap's npm package holds one self-contained browser bundle (``dist/decap-cms.js``) with its
lazily loaded chunks (``dist/NNNN.decap-cms.js``) and two WebAssembly files (image encoders of
its media library). ``install()`` fetches exactly the pinned tarball (``npm pack``: the
registry and proxy of the machine's npm), checks it against the pinned sha512 integrity and
unpacks only those files into ``.tools/editor/decap-cms-<version>/``; nothing else of Decap's
dependency tree is installed (a full ``npm install decap-cms`` is about 450 MB, the files the
browser loads are 5.8 MB). ``scripts/build.sh`` and ``scripts/test.sh`` call it; a build on a
machine without it leaves ``admin/`` out and says so (INFO), as with the PDFs.
"""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

@dataclass(frozen=True)
class Package:
    """One pinned npm package and the files of its dist/ that the browser loads."""

    name: str
    version: str
    integrity: str  # `npm view NAME@VERSION dist.integrity`
    main: str  # the file admin/index.html loads
    extra_suffixes: tuple[str, ...] = ()  # other files of dist/ the main file loads
    extra_names: tuple[str, ...] = ()

    def wanted(self, name: str) -> bool:
        return name == self.main or name in self.extra_names or name.endswith(self.extra_suffixes)


DECAP = Package(
    "decap-cms",
    "3.16.3",
    "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
    "decap-cms.js",
    # its lazily loaded chunks and WebAssembly image encoders; not the second bundle cms.js, not maps
    extra_suffixes=(".decap-cms.js", ".wasm"),
    extra_names=("decap-cms.js.LICENSE.txt",),
)
# the YAML reader and writer of the editor's file format (admin/ita-cms.js): Decap's own
# writer folds long lines at 80 columns and misreads a rank written as one mapping
JS_YAML = Package(
    "js-yaml",
    "4.1.0",
    "sha512-wpxZs9NoxZaJESJGIZTyDEaYpl0FKSA+FB9aJiyemKhMwkxQg63h4T1KJgUGHpTqPDNRcmmYLugrRjJlBtWvRA==",
    "js-yaml.min.js",
)
PACKAGES = (DECAP, JS_YAML)
FOLDER = ".tools/editor"  # under the project root; ignored by git


class BundleError(RuntimeError):
    """A pinned package could not be fetched or is not what was pinned."""


@dataclass(frozen=True)
class Bundle:
    """The unpacked browser files of one pinned package."""

    package: Package
    folder: Path

    @classmethod
    def at(cls, root: Path, package: Package) -> Bundle:
        return cls(package, Path(root) / FOLDER / f"{package.name}-{package.version}")

    @property
    def present(self) -> bool:
        stamp = self.folder / ".integrity"
        return (self.folder / self.package.main).is_file() and stamp.is_file() and stamp.read_text().strip() == self.package.integrity

    def files(self) -> list[Path]:
        """Every file the browser may load, sorted."""
        return sorted(p for p in self.folder.iterdir() if p.is_file() and not p.name.startswith("."))


def bundles(root: Path) -> list[Bundle]:
    return [Bundle.at(root, package) for package in PACKAGES]


def check_integrity(tarball: bytes, package: Package) -> None:
    algorithm, _, expected = package.integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if digest != expected:
        raise BundleError(f"{package.name}@{package.version}: the tarball's {algorithm} is {digest}, pinned {expected}")


def unpack(tarball: bytes, bundle: Bundle) -> int:
    """The browser files of the tarball into the bundle's folder (replaced); returns how many."""
    target = bundle.folder
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".editor-", dir=target.parent))
    count = 0
    try:
        with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
            for member in tar.getmembers():
                parts = member.name.split("/")
                if member.isfile() and len(parts) == 3 and parts[:2] == ["package", "dist"] and bundle.package.wanted(parts[2]):
                    source = tar.extractfile(member)
                    assert source is not None
                    (staged / parts[2]).write_bytes(source.read())
                    count += 1
        if not (staged / bundle.package.main).is_file():
            raise BundleError(f"{bundle.package.name}@{bundle.package.version}: no dist/{bundle.package.main} in the tarball")
        (staged / ".integrity").write_text(bundle.package.integrity + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        staged.rename(target)
    finally:
        if staged.exists():
            shutil.rmtree(staged)
    return count


def install(root: Path, npm: str = "npm") -> list[tuple[Bundle, bool]]:
    """Every pinned package under `root` (each fetched once): (bundle, fetched now).
    BundleError when npm cannot fetch one or a tarball is not the pinned one."""
    done: list[tuple[Bundle, bool]] = []
    for bundle in bundles(root):
        if bundle.present:
            done.append((bundle, False))
            continue
        if shutil.which(npm) is None:
            raise BundleError(f"npm is not installed: cannot fetch {bundle.package.name}@{bundle.package.version}")
        spec = f"{bundle.package.name}@{bundle.package.version}"
        with tempfile.TemporaryDirectory(prefix="ita-editor-") as tmp:
            run = subprocess.run(
                [npm, "pack", spec, "--silent", "--pack-destination", tmp], capture_output=True, text=True, timeout=600
            )
            packed = sorted(Path(tmp).glob("*.tgz"))
            if run.returncode != 0 or not packed:
                raise BundleError(f"npm pack {spec} failed: {(run.stderr or run.stdout).strip()[-400:]}")
            tarball = packed[0].read_bytes()
        check_integrity(tarball, bundle.package)
        unpack(tarball, bundle)
        done.append((bundle, True))
    return done
