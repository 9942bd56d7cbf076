"""The build's settings: `extra.ita` of mkdocs.yml checked once, with Thai messages at the
line of the key, and every environment override read in one place (ita_site/config.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import DEFAULT_AGENCY, ROOT, build

from ita_site import config

CONFIG = """site_name: x
repo_url: !ENV ITA_REPO_URL
extra:
  ita:
    data_dir: data
    edit_branch: main
    pdf: sometimes
    timezone: Asia/Bankok
    chart: false
    data_licence:
      name: CC BY 4.0
      link: https://example.org/
"""


def test_every_wrong_value_is_named_at_its_line_of_mkdocs_yml(tmp_path):
    file = tmp_path / "mkdocs.yml"
    file.write_text(CONFIG, encoding="utf-8")
    ita = {"data_dir": "data", "edit_branch": "main", "pdf": "sometimes", "timezone": "Asia/Bankok",
           "chart": False, "data_licence": {"name": "CC BY 4.0", "link": "https://example.org/"}}  # fmt: skip
    with pytest.raises(config.ConfigError) as err:
        config.load(ita, tmp_path, environ={})
    lines = str(err.value).splitlines()
    assert any(l.startswith("mkdocs.yml:7: ") and "'sometimes'" in l and "auto, true หรือ false" in l for l in lines), lines
    assert any(l.startswith("mkdocs.yml:8: ") and "Asia/Bankok" in l and "IANA" in l for l in lines), lines
    assert any(l.startswith("mkdocs.yml:9: ") and "extra.ita.chart" in l and "'charts'" in l for l in lines), lines
    assert any(l.startswith("mkdocs.yml:12: ") and "extra.ita.data_licence.link" in l and "name, url" in l for l in lines), lines
    assert len(lines) == 4


def test_the_environment_overrides_mkdocs_yml(tmp_path):
    ita = {"data_dir": "data", "pdf": "auto", "cache_dir": ".cache/ita", "edit_branch": "main"}
    plain = config.load(ita, tmp_path, environ={})
    assert (plain.data_dir, plain.cache_dir, plain.pdf, plain.edit_branch) == (
        tmp_path.resolve() / "data", tmp_path.resolve() / ".cache/ita", "auto", "main")  # fmt: skip
    assert plain.search_segment and plain.source_date_epoch is None and plain.chromium is None
    env = {"ITA_DATA_DIR": "/srv/data", "ITA_CACHE_DIR": "", "ITA_PDF": "FALSE", "ITA_EDIT_BRANCH": "draft",
           "ITA_CHROMIUM": "/opt/chrome", "ITA_SEARCH_SEGMENT": "0", "SOURCE_DATE_EPOCH": "1714521600"}  # fmt: skip
    over = config.load(ita, tmp_path, environ=env)
    assert (over.data_dir, over.cache_dir, over.pdf, over.edit_branch) == (Path("/srv/data"), None, "false", "draft")
    assert (over.chromium, over.search_segment, over.source_date_epoch) == ("/opt/chrome", False, 1714521600)
    assert config.load({"pdf": True, "cache_dir": False}, tmp_path, environ={}).pdf == "true"  # YAML's booleans
    with pytest.raises(config.ConfigError, match="ITA_PDF: 'maybe'"):
        config.load(ita, tmp_path, environ={"ITA_PDF": "maybe"})
    with pytest.raises(config.ConfigError, match="SOURCE_DATE_EPOCH"):
        config.load(ita, tmp_path, environ={"SOURCE_DATE_EPOCH": "yesterday"})


def test_the_projects_own_mkdocs_yml_is_valid():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    raw = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    settings = config.load(raw["extra"]["ita"], ROOT, environ={})
    assert settings.ita.search_exclude == ("guide/", "report/") and settings.pdf == "auto"


def test_a_wrong_setting_stops_mkdocs_build_with_the_line(tmp_path):
    file = tmp_path / "mkdocs.yml"
    file.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\nhooks:\n  - {ROOT / 'hooks' / 'ita.py'}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\nextra:\n  ita:\n    thai_digits: sometimes\n",
        encoding="utf-8",
    )
    result = build(tmp_path / "site", DEFAULT_AGENCY, "-f", str(file))
    assert result.returncode != 0
    assert "mkdocs.yml:9: ค่า 'sometimes' ของ 'extra.ita.thai_digits' ใช้ไม่ได้" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site").exists()


def test_only_config_reads_the_environment():
    """No module of the package but config.py reads os.environ or an ITA_ variable for the
    build (the MkDocs adapter writes SOURCE_DATE_EPOCH for MkDocs, and puts it back;
    devtools and the Pagefind subprocess pass the environment on)."""
    allowed = {"config.py", "engines/mkdocs.py", "search/index.py", "devtools"}
    offenders = []
    for path in sorted((ROOT / "ita_site").rglob("*.py")):
        rel = path.relative_to(ROOT / "ita_site").as_posix()
        if rel in allowed or rel.split("/")[0] in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv") and getattr(node.value, "id", "") == "os":
                offenders.append(f"{rel}:{node.lineno}")
    assert not offenders, offenders
