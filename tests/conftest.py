"""Shared fixtures: build the real site with MkDocs, read its HTML, copy a fixture agency's data
to break it, serve it on 127.0.0.1 and open it in Debian's chromium.

The product's tests never read the project's `data/` (the agency's own content, which a fork
replaces): they build the fixtures under `tests/fixtures/` (DEFAULT_AGENCY is the default
agency's data, copied there). `data/` itself is checked by the site checks of `tests/agency/`."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from checks import citizens_pages

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_AGENCY = FIXTURES / "default_agency" / "data"  # the default agency's data (FY2564-2566)
TRACKING = FIXTURES / "tracking"  # progress overlay laid on a copy of DEFAULT_AGENCY
OTHER_AGENCY = FIXTURES / "other_agency" / "data"
OIT = FIXTURES / "oit"  # OIT catalog and disclosures laid on a copy of OTHER_AGENCY
AS_OF = date(2024, 5, 1)  # the build date of the tracking fixture
AS_OF_EPOCH = "1714521600"  # 2024-05-01 00:00 UTC (07:00 in Bangkok)
CHROMIUM = "/usr/bin/chromium"


def build(
    site_dir: Path,
    data_dir: Path | None = DEFAULT_AGENCY,
    *extra: str,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    unprivileged: bool = False,
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` from the project root `cwd`, into `site_dir`, from `data_dir`
    (the default agency's fixture unless told; None: the `data/` of the project `cwd`, which
    must then be a copy, not this project), with extra environment variables `env`
    (ITA_REPO_URL, ITA_SITE_URL ...).

    `unprivileged`: run it without the right to read files it has no permission for, even
    as root (tests of unreadable files).

    The PDFs of the full reports are printed only when `env` asks (ITA_PDF): the `site` fixture
    does (as `mkdocs.yml` does by default), other builds save the seconds Chromium takes."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("ITA_")}
    env = {**base, "NO_MKDOCS_2_WARNING": "1", "ITA_PDF": "false", **(env or {})}
    if data_dir is not None:
        env["ITA_DATA_DIR"] = str(data_dir)
    elif Path(cwd).resolve() == ROOT:
        raise ValueError("a product test never builds the project's data/: give a fixture's data dir")
    return subprocess.run(
        [MKDOCS, "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=without_file_permission_bypass() if unprivileged else None,
    )


def without_file_permission_bypass():
    """A `preexec_fn` under which a file with mode 000 is unreadable even for root: drops
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the child's capability bounding set."""
    if os.geteuid() != 0:
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2

    def drop() -> None:
        for cap in (cap_dac_override, cap_dac_read_search):
            if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    return drop


def make_unreadable(path: Path) -> None:
    """chmod 000, and skip the test if this system cannot make it unreadable for the build."""
    probe_cmd = ["ls", str(path)] if path.is_dir() else ["cat", str(path)]
    path.chmod(0)
    probe = subprocess.run(probe_cmd, capture_output=True, preexec_fn=without_file_permission_bypass())
    if probe.returncode == 0:
        path.chmod(0o755 if path.is_dir() else 0o644)
        pytest.skip("cannot make a file unreadable here (root without CAP_SETPCAP)")


class BuiltSite:
    def __init__(self, path: Path):
        self.path = path

    def html(self, page: str) -> str:
        return (self.path / page).read_text(encoding="utf-8")

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(page), "lxml")

    def text(self, page: str) -> str:
        """The visible text of the page's article (no navigation, no search index)."""
        article = self.soup(page).select_one("article")
        return " ".join(article.get_text(" ").split())


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    out = tmp_path_factory.mktemp("site")
    result = build(out, env={"ITA_PDF": "auto"})  # the default: PDFs when a Chromium is found
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(out)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of the default agency's data that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_AGENCY, target)
    return target


def laid_over(base: Path, overlay: Path, folders: tuple[str, ...], target: Path) -> Path:
    """Copy the data folder `base` to `target` and lay the `folders` of the fixture `overlay`
    over it (their files added or replaced)."""
    shutil.copytree(base, target)
    for folder in folders:
        shutil.copytree(overlay / folder, target / folder, dirs_exist_ok=True)
    return target


def with_tracking(target: Path) -> Path:
    """The default agency's data with the tracking fixture laid over it (progress, evidence, FY2567)."""
    return laid_over(DEFAULT_AGENCY, TRACKING, ("progress", "years", "evidence"), target)


@pytest.fixture
def tracking_data(tmp_path) -> Path:
    """A private copy of the default agency's data with the tracking fixture, that a test may break."""
    return with_tracking(tmp_path / "data")


@pytest.fixture(scope="session")
def tracking_site(tmp_path_factory) -> BuiltSite:
    """The site built from the tracking fixture as of AS_OF (SOURCE_DATE_EPOCH)."""
    data = with_tracking(tmp_path_factory.mktemp("tracking") / "data")
    out = tmp_path_factory.mktemp("tracking-site")
    result = build(out, data, env={"SOURCE_DATE_EPOCH": AS_OF_EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(out)


def with_oit(target: Path) -> Path:
    """The other agency's data with the OIT fixture laid over it (catalog with groups,
    disclosures, an evidence file): no file of data/ is used."""
    return laid_over(OTHER_AGENCY, OIT, ("questions", "disclosures", "evidence"), target)


@pytest.fixture
def oit_data(tmp_path) -> Path:
    """A private copy of the OIT fixture's data, that a test may break."""
    return with_oit(tmp_path / "data")


@pytest.fixture(scope="session")
def oit_site(tmp_path_factory) -> BuiltSite:
    """The OIT fixture's site built as of AS_OF (SOURCE_DATE_EPOCH), with the fixture's report
    of a link check (two broken links)."""
    data = with_oit(tmp_path_factory.mktemp("oit") / "data")
    out = tmp_path_factory.mktemp("oit-site")
    result = build(out, data, env={"SOURCE_DATE_EPOCH": AS_OF_EPOCH, "ITA_LINK_REPORT": str(OIT / "link-health.json")})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(out)


@pytest.fixture(scope="session")
def oit_served(oit_site) -> str:
    """The OIT fixture's site on http://127.0.0.1:<port>/."""
    from ita_site.local_server import serve

    server, base = serve(oit_site.path)
    yield base
    server.shutdown()


def project_copy(target: Path, data: Path | None = DEFAULT_AGENCY, message: str = "a fork") -> Path:
    """What a fork holds: the files git tracks in this project (as they are in the working
    tree), with data/ replaced by `data` (None: no data/), committed in a git repository of
    its own (the build reads its dates from git). It runs the project's scripts as they are.

    Shared with this project, to save minutes: the packages of `.venv` (each entry linked, with
    installed-stamps of its own as scripts/lib/venv.sh writes them, so that the copy's scripts
    never run pip: an editable install from the copy would point this project's .venv at it),
    and the build cache `.cache/ita` (content-addressed, never stale; the publishing workflow
    restores it from an earlier run too)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode()
    for name in listed.split("\0"):
        if name and not name.startswith("data/") and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    if data is not None:
        shutil.copytree(data, target / "data")
    venv = target / ".venv"
    venv.mkdir()
    for entry in (ROOT / ".venv").iterdir():
        if not entry.name.startswith(".installed"):
            (venv / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    for extra in ("", "test", "test,zensical", "zensical"):  # sha256 of pyproject.toml and the extra's name
        stamp = venv / (".installed" + (f"-{extra}" if extra else ""))
        stamp.write_text(hashlib.sha256(pyproject + extra.encode() + b"\n").hexdigest() + "\n", encoding="utf-8")
    (ROOT / ".cache" / "ita").mkdir(parents=True, exist_ok=True)
    (target / ".cache").mkdir()
    (target / ".cache" / "ita").symlink_to(ROOT / ".cache" / "ita", target_is_directory=True)
    git_in(target, "init", "-q", "-b", "main")
    git_in(target, "add", "-A")
    git_in(target, "commit", "-qm", message)
    return target


def git_in(folder: Path, *args: str) -> str:
    """git in `folder` as a clerk with a name and address (commits need them)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "ทดสอบ", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "ทดสอบ", "GIT_COMMITTER_EMAIL": "test@example.org"}
    return subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True, text=True).stdout


def replace_in(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in a data file; return the 1-based line of the first replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def pytest_addoption(parser):
    parser.addoption(
        "--data-dir",
        default=os.environ.get("ITA_DATA_DIR") or "data",
        help="the data folder the site checks of tests/agency/ build and check (default: $ITA_DATA_DIR, else data/)",
    )


@pytest.fixture(scope="session")
def agency_data(request) -> Path:
    """The agency's own data folder (--data-dir): what the site checks of tests/agency/ check."""
    folder = Path(request.config.getoption("--data-dir"))
    return (folder if folder.is_absolute() else Path(request.config.invocation_params.dir) / folder).resolve()


@pytest.fixture(scope="session")
def agency_site(agency_data, tmp_path_factory) -> BuiltSite:
    """The site built from the agency's data, as `scripts/build.sh` builds it (without PDFs)."""
    out = tmp_path_factory.mktemp("agency-site")
    result = build(out, agency_data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(out)


@pytest.fixture(scope="session")
def agency_served(agency_site) -> str:
    from ita_site.local_server import serve

    server, base = serve(agency_site.path)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def served(site) -> str:
    """The built site on http://127.0.0.1:<port>/ (as a reader's browser gets it)."""
    from ita_site.local_server import serve

    server, base = serve(site.path)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def tracking_served(tracking_site) -> str:
    """The tracking fixture's site (progress rows, FY2567) on http://127.0.0.1:<port>/."""
    from ita_site.local_server import serve

    server, base = serve(tracking_site.path)
    yield base
    server.shutdown()


def built_pages(site: BuiltSite) -> list[str]:
    """Every page a citizen reads in a built site (not Pagefind's files, not the form editor)."""
    return citizens_pages(site.path)


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright, offline-minded (no background traffic)."""
    from playwright.sync_api import sync_playwright
    from ita_site.pdf import CHROMIUM_ARGS

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def validate(data_dir: Path, unprivileged: bool = False) -> subprocess.CompletedProcess:
    """`scripts/validate.py data_dir` in a fresh process (optionally without root's file access)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=without_file_permission_bypass() if unprivileged else None,
    )
