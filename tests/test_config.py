"""Configuration: where it is found, what each key means, every error, and the schema precedence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdlint.cli import main
from mdlint.config import Config, ConfigError, load_config, resolve_config
from mdlint.globs import DEFAULT_EXCLUDE
from mdlint.runner import Overrides, Project
from mdlint.selection import SelectionLayer, enabled_codes
from mdlint.style.settings import FormatSettings

OBJECT = {"type": "object"}


def run(*args: str):
    """`mdlint ARGS`; `check` prints its findings in the concise format, which the tests read."""
    if args[:1] == ("check",):
        args = ("check", "--output-format", "concise", *args[1:])
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def schema_file(path: Path, schema: object) -> Path:
    return write(path, json.dumps(schema))


def closed_schema(*keys: str, required: tuple[str, ...] = ()) -> dict[str, object]:
    """An object schema that knows only `keys`; anything else is SC006."""
    return {
        "type": "object",
        "properties": {key: {} for key in keys},
        "required": list(required),
        "additionalProperties": False,
    }


# --- Finding the file ----------------------------------------------------------------------------


def test_no_config_anywhere_gives_the_defaults(tmp_path):
    config = resolve_config(tmp_path)
    assert config == Config(root=str(tmp_path.resolve()))
    assert config.path is None and config.exclude == DEFAULT_EXCLUDE


@pytest.mark.parametrize(
    "present, expected",
    [
        ((".mdlint.toml", "mdlint.toml", "pyproject.toml"), ".mdlint.toml"),
        (("mdlint.toml", "pyproject.toml"), "mdlint.toml"),
        (("pyproject.toml",), "pyproject.toml"),
    ],
)
def test_in_one_directory_dot_mdlint_then_mdlint_then_pyproject(tmp_path, present, expected):
    for name in present:
        body = "[tool.mdlint]\n" if name == "pyproject.toml" else ""
        write(tmp_path / name, body + "unsafe-fixes = true\n")
    assert resolve_config(tmp_path).path == str((tmp_path / expected).resolve())


def test_a_pyproject_without_tool_mdlint_is_passed_over(tmp_path):
    write(tmp_path / "mdlint.toml", "unsafe-fixes = true\n")
    write(tmp_path / "site" / "pyproject.toml", '[project]\nname = "site"\n[tool.ruff]\nx = 1\n')
    config = resolve_config(tmp_path / "site")
    assert config.path == str((tmp_path / "mdlint.toml").resolve()) and config.unsafe_fixes


def test_a_pyproject_that_mentions_mdlint_elsewhere_is_passed_over(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\ndependencies = ["mdlint-frontmatter"]\n')
    assert resolve_config(tmp_path).path is None


def test_the_nearest_file_wins(tmp_path):
    write(tmp_path / "mdlint.toml", "unsafe-fixes = true\n")
    write(tmp_path / "a" / "pyproject.toml", "[tool.mdlint]\nunsafe-fixes = false\n")
    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    config = resolve_config(tmp_path / "a" / "b" / "c")
    assert config.path == str((tmp_path / "a" / "pyproject.toml").resolve())
    assert config.unsafe_fixes is False


def test_config_option_overrides_the_file_found(tmp_path):
    write(tmp_path / "mdlint.toml", "unsafe-fixes = true\n")
    other = write(tmp_path / "elsewhere" / "custom.toml", "unsafe-fixes = false\n")
    config = resolve_config(tmp_path, config_file=str(other))
    assert config.path == str(other.resolve()) and config.unsafe_fixes is False


def test_config_option_with_a_pyproject_reads_its_tool_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.mdlint]\nignore = ['SC006']\n")
    assert load_config(path).ignore == ("SC006",)


def test_config_option_naming_a_pyproject_without_the_table_is_an_error(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: no \[tool.mdlint\] table"):
        load_config(path)


def test_isolated_ignores_every_file(tmp_path):
    write(tmp_path / "mdlint.toml", "this is not toml\n")
    assert resolve_config(tmp_path, isolated=True) == Config(root=str(tmp_path.resolve()))


def test_config_option_naming_a_missing_file_exits_2(tmp_path):
    result = run("check", "--config", str(tmp_path / "nope.toml"), str(tmp_path))
    assert result.exit_code == 2
    assert "nope.toml: configuration file not found" in result.output


def test_the_cli_finds_the_config_from_the_current_directory(tmp_path, monkeypatch):
    schema_file(tmp_path / "schemas" / "s.json", closed_schema("title"))
    write(tmp_path / "pyproject.toml", '[tool.mdlint]\nschema = "schemas/s.json"\n')
    write(tmp_path / "content" / "a.md", "---\ntitle: x\nother: 1\n---\n")
    monkeypatch.chdir(tmp_path / "content")
    result = run("check", "-q", "a.md")
    assert result.exit_code == 1
    assert result.output == 'a.md:3:1: SC006 unknown key "other"\n'
    assert run("check", "--isolated", "-q", "a.md").output.count("SC005") == 1  # bundled: no date


# --- Keys ------------------------------------------------------------------------------------------


FULL = """\
[tool.mdlint]
schema = "schemas/article.json"
include = ["content/**"]
exclude = ["vendor"]
extend-exclude = ["content/drafts"]
respect-gitignore = false
extensions = [".md", "mdx", ".MARKDOWN"]
require-front-matter = false
select = ["SC", "FM001"]
ignore = ["sc006"]
extend-select = ["DR"]
per-file-ignores = { "content/legacy/**" = ["SC001", "SC00"] }
unsafe-fixes = true
max-header-bytes = 4096

[[tool.mdlint.schemas]]
schema = "schemas/doc.yaml"
files = ["content/docs/**", "!content/docs/index.md"]

[tool.mdlint.format]
quote-style = "double"
list-indent = 2
"""


def test_every_key_is_read(tmp_path):
    schema_file(tmp_path / "schemas" / "article.json", OBJECT)
    write(tmp_path / "schemas" / "doc.yaml", "type: object\n")
    config = load_config(write(tmp_path / "pyproject.toml", FULL))
    root = tmp_path.resolve()
    assert config.root == str(root)
    assert config.schema == str(root / "schemas" / "article.json")
    assert [(a.schema, a.files) for a in config.schemas] == [
        (str(root / "schemas" / "doc.yaml"), ("content/docs/**", "!content/docs/index.md"))
    ]
    assert config.include == ("content/**",)
    assert config.exclude == ("vendor",)
    assert config.extend_exclude == ("content/drafts",)
    assert config.respect_gitignore is False
    assert config.extensions == (".md", ".mdx", ".markdown")
    assert config.require_front_matter is False
    assert config.select == ("SC", "FM001")
    assert config.ignore == ("SC006",)
    assert config.extend_select == ("DR",)
    assert config.per_file_ignores == (("content/legacy/**", ("SC001", "SC00")),)
    assert config.unsafe_fixes is True
    assert config.max_header_bytes == 4096
    assert config.format == FormatSettings(quote_style="double", list_indent=2)


def test_the_same_keys_at_the_top_level_of_mdlint_toml(tmp_path):
    body = FULL.replace("[tool.mdlint]\n", "").replace("tool.mdlint.", "")
    schema_file(tmp_path / "schemas" / "article.json", OBJECT)
    write(tmp_path / "schemas" / "doc.yaml", "type: object\n")
    from_toml = load_config(write(tmp_path / ".mdlint.toml", body))
    from_pyproject = load_config(write(tmp_path / "pyproject.toml", FULL))
    assert from_toml == from_pyproject._replace(path=from_toml.path)


def test_paths_are_relative_to_the_config_file_not_the_current_directory(tmp_path, monkeypatch):
    schema_file(tmp_path / "schemas" / "s.json", closed_schema("title"))
    write(tmp_path / "mdlint.toml", 'schema = "schemas/s.json"\n')
    (tmp_path / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "deep" / "er")
    assert resolve_config().schema == str((tmp_path / "schemas" / "s.json").resolve())


def test_unsafe_fixes_and_max_header_bytes_reach_the_project(tmp_path):
    write(tmp_path / "mdlint.toml", "unsafe-fixes = true\nmax-header-bytes = 10\n")
    project = Project(resolve_config(tmp_path))
    assert project.unsafe_fixes is True and project.options.max_header_bytes == 10
    overridden = Project(
        resolve_config(tmp_path), Overrides(unsafe_fixes=False, max_header_bytes=99)
    )
    assert overridden.unsafe_fixes is False and overridden.options.max_header_bytes == 99


def test_require_front_matter_false_silences_fm001(tmp_path):
    write(tmp_path / "mdlint.toml", "require-front-matter = false\n")
    write(tmp_path / "a.md", "# no header\n")
    assert run("check", "--config", str(tmp_path / "mdlint.toml"), str(tmp_path)).exit_code == 0
    assert run("check", "--isolated", str(tmp_path)).exit_code == 1


# --- Errors: exit 2, naming the file, the key and what was expected --------------------------------


@pytest.mark.parametrize(
    "body, words",
    [
        ("exlude = []", ['tool.mdlint.exlude: unknown key; did you mean "exclude"?']),
        ("respect_gitignore = true", ['did you mean "respect-gitignore"?']),
        ("colour = 1", ["tool.mdlint.colour: unknown key; known keys: schema, schemas,"]),
        ("select = 'SC'", ["tool.mdlint.select: expected a list of rule codes", 'the string "SC"']),
        ("select = [1]", ["tool.mdlint.select[0]: expected a string, found the number 1"]),
        ("select = ['XX']", ['tool.mdlint.select[0]: unknown rule code or prefix "XX"']),
        ("ignore = ['SC999']", ['unknown rule code or prefix "SC999"']),
        ("extend-select = ['']", ['unknown rule code or prefix ""']),
        ("respect-gitignore = 'yes'", ["respect-gitignore: expected true or false"]),
        ("require-front-matter = 1", ["require-front-matter: expected true or false"]),
        ("unsafe-fixes = 'true'", ["unsafe-fixes: expected true or false"]),
        ("max-header-bytes = 0", ["max-header-bytes: expected a positive whole number"]),
        ("max-header-bytes = true", ["max-header-bytes: expected a positive whole number"]),
        ("max-header-bytes = 1.5", ["max-header-bytes: expected a positive whole number"]),
        ("include = 'content'", ["include: expected a list of glob patterns"]),
        ("exclude = [true]", ["exclude[0]: expected a string, found the boolean true"]),
        ("extend-exclude = {}", ["extend-exclude: expected a list of glob patterns", "a table"]),
        ("extensions = []", ["extensions: expected at least one extension"]),
        ("extensions = ['.']", ['extensions[0]: expected a file extension like ".md"']),
        ("extensions = ['a/b']", ['extensions[0]: expected a file extension like ".md"']),
        ("schema = 5", ["tool.mdlint.schema: expected the path of a schema file"]),
        ("schema = 'absent.json'", ['tool.mdlint.schema: schema file "absent.json" not found']),
        ("per-file-ignores = ['a']", ["per-file-ignores: expected a table of glob"]),
        ("per-file-ignores = { 'a/*' = 'SC' }", ['per-file-ignores."a/*": expected a list']),
        ("per-file-ignores = { 'a/*' = ['QQ'] }", ['per-file-ignores."a/*"[0]: unknown rule code']),
        ("format = 'compact'", ["tool.mdlint.format: expected a table of style settings"]),
        ("schemas = { schema = 's.json' }", ["tool.mdlint.schemas: expected a list of tables"]),
        ("schemas = ['s.json']", ["tool.mdlint.schemas[0]: expected a table like"]),
        ("schemas = [{ files = ['*'] }]", ['tool.mdlint.schemas[0]: missing key "schema"']),
        ("schemas = [{ schema = 's.json' }]", ['tool.mdlint.schemas[0]: missing key "files"']),
        (
            "schemas = [{ schema = 's.json', files = [] }]",
            ["tool.mdlint.schemas[0].files: expected at least one glob pattern"],
        ),
        (
            "schemas = [{ schema = 's.json', files = ['*'], glob = 1 }]",
            ["tool.mdlint.schemas[0].glob: unknown key"],
        ),
        (
            "schemas = [{ schema = 'absent.json', files = ['*'] }]",
            ['tool.mdlint.schemas[0].schema: schema file "absent.json" not found'],
        ),
    ],
)
def test_wrong_keys_and_types_exit_2_naming_file_key_and_expectation(tmp_path, body, words):
    schema_file(tmp_path / "s.json", OBJECT)
    path = write(tmp_path / "pyproject.toml", f"[tool.mdlint]\n{body}\n")
    write(tmp_path / "a.md", "---\ntitle: x\n---\n")
    result = run("check", "--config", str(path), str(tmp_path / "a.md"))
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"mdlint: error: {path.resolve()}: ")
    for word in words:
        assert word in result.output


def test_keys_at_the_top_level_of_mdlint_toml_are_named_without_a_prefix(tmp_path):
    path = write(tmp_path / "mdlint.toml", "selec = ['SC']\n")
    with pytest.raises(
        ConfigError, match=r'mdlint.toml: selec: unknown key; did you mean "select"\?'
    ):
        load_config(path)


def test_a_tool_table_in_mdlint_toml_gets_a_hint(tmp_path):
    path = write(tmp_path / "mdlint.toml", "[tool.mdlint]\nselect = ['SC']\n")
    with pytest.raises(ConfigError, match="the keys go at the top level, without"):
        load_config(path)


def test_invalid_toml_exits_2_naming_the_file(tmp_path, monkeypatch):
    write(tmp_path / ".mdlint.toml", "select = [\n")
    monkeypatch.chdir(tmp_path)
    result = run("check", ".")
    assert result.exit_code == 2
    assert f"{(tmp_path / '.mdlint.toml').resolve()}: not valid TOML" in result.output


def test_an_unreadable_pyproject_found_while_walking_up_is_an_error_only_if_it_is_ours(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.mdlint\nbroken")  # mentions mdlint: parsed
    with pytest.raises(ConfigError, match="not valid TOML"):
        resolve_config(tmp_path)
    write(tmp_path / "pyproject.toml", "[tool.other\nbroken")  # not ours: never parsed
    assert resolve_config(tmp_path).path is None


def test_a_broken_schema_named_by_the_config_stops_the_run_before_any_file(tmp_path):
    write(tmp_path / "bad.json", '{"type": "objekt"}')
    write(tmp_path / "mdlint.toml", "[[schemas]]\nschema = 'bad.json'\nfiles = ['nothing/**']\n")
    result = run("check", "--config", str(tmp_path / "mdlint.toml"), str(tmp_path))
    assert result.exit_code == 2 and "bad.json: not a valid schema" in result.output


# --- Rule selection ------------------------------------------------------------------------------


def codes_after(*layers: SelectionLayer) -> set[str]:
    return {code for code in enabled_codes(layers) if code[:2] in ("SC", "FM")}


def test_everything_is_on_by_default():
    from mdlint.rules import RULES

    assert enabled_codes([SelectionLayer()]) == {rule.code for rule in RULES}


def test_select_by_prefix_and_code():
    assert codes_after(SelectionLayer(select=("SC00", "FM001"))) == {
        f"SC00{i}" for i in range(1, 10)
    } | {"FM001"}


def test_ignore_removes_and_the_more_specific_selector_wins():
    assert codes_after(SelectionLayer(select=("SC",), ignore=("SC00",))) == set()
    assert codes_after(SelectionLayer(select=("SC001",), ignore=("SC",))) == {"SC001"}
    assert codes_after(SelectionLayer(select=("SC",), ignore=("SC001",))) == {
        f"SC00{i}" for i in range(2, 10)
    }


def test_on_a_tie_ignore_wins():
    assert codes_after(SelectionLayer(select=("SC001",), ignore=("SC001",))) == set()


def test_extend_select_adds_to_the_selection():
    assert codes_after(SelectionLayer(select=("FM001",), extend_select=("SC002",))) == {
        "FM001",
        "SC002",
    }


def test_all_selects_everything():
    assert "FM001" in codes_after(SelectionLayer(select=("ALL",), ignore=("SC",)))
    assert "SC001" not in codes_after(SelectionLayer(select=("ALL",), ignore=("SC",)))


def test_a_later_select_starts_afresh_and_a_later_ignore_extends():
    config = SelectionLayer(select=("SC",), ignore=("SC006",))
    assert codes_after(config, SelectionLayer(select=("FM001",))) == {"FM001"}
    assert "SC006" not in codes_after(config, SelectionLayer(ignore=("SC001",)))
    assert "SC001" not in codes_after(config, SelectionLayer(ignore=("SC001",)))
    assert "SC006" in codes_after(config, SelectionLayer(extend_select=("SC006",)))


@pytest.fixture
def two_problems(tmp_path):
    """A file with an SC006 (unknown key) and an SC001 (wrong type), checked with its schema."""
    schema = closed_schema("draft")
    schema["properties"] = {"draft": {"type": "boolean"}}
    schema_file(tmp_path / "s.json", schema)
    write(tmp_path / "content" / "a.md", "---\ndraft: 'no'\nextra: 1\n---\n")
    return tmp_path


def codes_in(output: str) -> list[str]:
    return [line.split()[1] for line in output.splitlines() if line.count(":") >= 3]


def test_cli_select_ignore_and_extend_select(two_problems):
    base = [
        "check",
        "--isolated",
        "-q",
        "--schema",
        str(two_problems / "s.json"),
        str(two_problems),
    ]
    assert codes_in(run(*base).output) == ["SC001", "SC006"]
    assert codes_in(run(*base, "--select", "SC006").output) == ["SC006"]
    assert codes_in(run(*base, "--ignore", "SC0").output) == []
    assert run(*base, "--ignore", "SC001,SC006").exit_code == 0
    assert codes_in(run(*base, "--select", "FM", "--extend-select", "SC001").output) == ["SC001"]
    assert codes_in(run(*base, "--select", "sc", "--ignore", "SC001").output) == ["SC006"]


def test_cli_selectors_override_the_config(two_problems):
    write(two_problems / "mdlint.toml", "schema = 's.json'\nselect = ['SC006']\n")
    base = ["check", "-q", "--config", str(two_problems / "mdlint.toml"), str(two_problems)]
    assert codes_in(run(*base).output) == ["SC006"]
    assert codes_in(run(*base, "--select", "SC001").output) == ["SC001"]
    assert codes_in(run(*base, "--extend-select", "SC001").output) == ["SC001", "SC006"]


def test_cli_unknown_selector_is_a_usage_error(two_problems):
    result = run("check", "--isolated", "--ignore", "SC001,NOPE", str(two_problems))
    assert result.exit_code == 2 and 'unknown rule code or prefix "NOPE"' in result.output


def test_per_file_ignores_by_glob_relative_to_the_config(two_problems, monkeypatch):
    write(
        two_problems / "mdlint.toml",
        "schema = 's.json'\n[per-file-ignores]\n'content/*.md' = ['SC006']\n'other/**' = ['SC']\n",
    )
    monkeypatch.chdir(two_problems / "content")
    assert codes_in(run("check", "-q", "a.md").output) == ["SC001"]


def test_per_file_ignores_with_a_negated_glob(two_problems):
    write(
        two_problems / "mdlint.toml",
        "schema = 's.json'\n[per-file-ignores]\n'!content/**' = ['SC006']\n'!other/**' = ['SC001']\n",
    )
    result = run("check", "-q", "--config", str(two_problems / "mdlint.toml"), str(two_problems))
    assert codes_in(result.output) == ["SC006"]


# --- Which schema applies: first match wins --------------------------------------------------------


@pytest.fixture
def schemas(tmp_path):
    """Five schemas, each requiring its own key, so a finding tells which one applied."""
    for name in ("cli", "header", "glob1", "glob2", "default"):
        schema_file(tmp_path / "schemas" / f"{name}.json", {"type": "object", "required": [name]})
    write(
        tmp_path / "mdlint.toml",
        'schema = "schemas/default.json"\n'
        "[[schemas]]\n"
        'schema = "schemas/glob1.json"\n'
        'files = ["content/docs/**"]\n'
        "[[schemas]]\n"
        'schema = "schemas/glob2.json"\n'
        'files = ["content/**/*.md"]\n',
    )
    return tmp_path


def applied(tmp_path: Path, text: str, *extra: str, where: str = "content/docs/a.md") -> str:
    """The name of the schema applied to a file holding `text` at `where`."""
    path = write(tmp_path / where, text)
    result = run("check", "-q", "--config", str(tmp_path / "mdlint.toml"), *extra, str(path))
    missing = [line for line in result.output.splitlines() if "SC005" in line]
    assert len(missing) == 1, result.output
    return missing[0].split('"')[1]


def test_schema_precedence_cli_first(schemas):
    header = "---\n$schema: ../../schemas/header.json\nx: 1\n---\n"
    cli_schema = str(schemas / "schemas" / "cli.json")
    assert applied(schemas, header, "--schema", cli_schema) == "cli"


def test_schema_precedence_then_the_headers_own_schema_relative_to_the_file(schemas):
    assert applied(schemas, "---\n$schema: ../../schemas/header.json\nx: 1\n---\n") == "header"


def test_schema_precedence_then_the_first_matching_glob(schemas):
    assert applied(schemas, "---\nx: 1\n---\n") == "glob1"
    assert applied(schemas, "---\nx: 1\n---\n", where="content/posts/a.md") == "glob2"


def test_schema_precedence_then_the_config_schema(schemas):
    assert applied(schemas, "---\nx: 1\n---\n", where="pages/a.md") == "default"


def test_schema_precedence_finally_the_bundled_schema(schemas):
    path = write(schemas / "pages" / "b.md", "---\nx: 1\n---\n")
    result = run("check", "-q", "--isolated", str(path))
    assert 'missing required key "title"' in result.output


def test_globs_match_relative_to_the_config_directory_wherever_the_run_starts(schemas, monkeypatch):
    write(schemas / "content" / "docs" / "a.md", "---\nx: 1\n---\n")
    monkeypatch.chdir(schemas / "content" / "docs")
    result = run("check", "-q", "a.md")
    assert 'missing required key "glob1"' in result.output


def test_the_dollar_schema_key_is_never_an_unknown_key(tmp_path):
    schema_file(tmp_path / "closed.json", closed_schema("title"))
    write(tmp_path / "a.md", "---\n$schema: closed.json\ntitle: x\n---\n")
    result = run("check", "--isolated", str(tmp_path / "a.md"))
    assert result.exit_code == 0, result.output
    with_cli_schema = run(
        "check", "--isolated", "--schema", str(tmp_path / "closed.json"), str(tmp_path / "a.md")
    )
    assert with_cli_schema.exit_code == 0


def test_a_nested_dollar_schema_key_is_still_checked(tmp_path):
    schema = closed_schema("params")
    schema["properties"] = {"params": closed_schema("a")}
    schema_file(tmp_path / "closed.json", schema)
    write(tmp_path / "a.md", "---\nparams:\n  $schema: x\n---\n")
    result = run("check", "--isolated", "--schema", str(tmp_path / "closed.json"), str(tmp_path))
    assert 'unknown key "$schema"' in result.output


def test_a_header_schema_that_is_missing_is_an_error_for_that_file(tmp_path):
    write(tmp_path / "a.md", "---\n$schema: nowhere.json\ntitle: x\n---\n")
    write(tmp_path / "b.md", "---\ntitle: x\n---\n")
    result = run("check", "--isolated", "--select", "SC006", str(tmp_path))
    assert result.exit_code == 2
    assert "a.md: $schema 'nowhere.json': " in result.output and "not found" in result.output
    assert "(2 files checked)" in result.output


def test_a_header_schema_that_is_not_a_string_is_left_to_the_schema(tmp_path):
    write(tmp_path / "a.md", "---\n$schema: 5\ntitle: x\n---\n")
    result = run("check", "--isolated", "--select", "SC", str(tmp_path / "a.md"))
    assert result.exit_code == 1 and "a.md:2:10: SC001 5 is an integer" in result.output


def test_show_settings_names_the_config_and_the_values(schemas):
    result = run("check", "--config", str(schemas / "mdlint.toml"), "--show-settings")
    assert result.exit_code == 0
    assert f"config file: {(schemas / 'mdlint.toml').resolve()}" in result.output
    assert "schemas: content/docs/** -> " in result.output


def test_the_readme_example_is_a_valid_configuration(tmp_path):
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration") :]
    example = section[section.index("```toml\n") + len("```toml\n") :]
    example = example[: example.index("```")]
    for name in ("article.schema.json", "author.schema.json"):
        schema_file(tmp_path / "schemas" / name, OBJECT)
    write(tmp_path / "schemas" / "doc.schema.yaml", "type: object\n")
    config = load_config(write(tmp_path / "pyproject.toml", example))
    assert config.schema == str((tmp_path / "schemas" / "article.schema.json").resolve())
    assert [a.files for a in config.schemas] == [
        ("content/docs/**",),
        ("content/authors/*.md", "!content/authors/_index.md"),
    ]
    assert config.select == ("ALL",) and config.format == FormatSettings(style="mainroad")
