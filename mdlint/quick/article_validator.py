# GENERATED FILE: DO NOT EDIT. Regenerate with `python tools/generate_quick_validator.py` after editing schemas/article.schema.json
# (`python tools/generate_quick_validator.py --check` tells whether this file is current; tests/test_quick_validator.py runs it).
# Source: schemas/article.schema.json (sha256 e0cde8e95a387b7544cb8b8faed22b66d649e586e60f8837997d917d0ebe0557), compiled by fastjsonschema.compile_to_code(use_default=False, detailed_exceptions=False)
# and post-processed by tools/generate_quick_validator.py.
"""The bundled schema (schemas/article.schema.json) as plain Python, for the quick path: `is_valid(data)`.

A yes/no pre-check only: jsonschema stays the reference. True is trusted (tests prove it never
disagrees with jsonschema then); False only sends the header to jsonschema, which decides and
explains. Known safe-direction differences (this module says invalid, jsonschema says valid):
a string ending in a newline checked by a `pattern` (its `$` is compiled to match only at the
very end), a number that is neither an int nor a float (a Decimal, a Fraction), and any error
raised while checking.

A `pattern` of the form `^...$` is checked without `re` (importing it costs a start-up more than
this whole module) by an `_Automaton` in REGEX_PATTERNS: a deterministic finite automaton built
from it by tools/generate_quick_validator.py, which accepts exactly the strings the pattern
matches from start to very end, except that its digit, word-character and whitespace classes
(backslash d, w, s) match ASCII characters only, where `re` matches any Unicode one: one more
safe-direction difference. A pattern the script cannot translate is compiled by `re`.
"""

# mdlint uses this module only while the schema file holds exactly the bytes it was generated
# from (mdlint/quick/article_schema.py; mdlint/quick/bundled.py compares them).


class JsonSchemaValueException(ValueError):
    """The data is invalid (no details: jsonschema gives those)."""


class JsonSchemaValuesException(JsonSchemaValueException):
    """Named by the generated code's `except` clauses; never raised here (fast_fail is on)."""


class _Automaton:
    """A `pattern` `^INNER$` as a deterministic finite automaton (built from it by
    tools/generate_quick_validator.py), standing for its compiled regular expression.

    `search(string)` has the truth value of `re.search` of the pattern with its `$` read as
    the very end: whether the automaton, from state 0, ends in an accepting state after reading
    every character of `string`."""

    __slots__ = ("moves", "others", "accepting")

    def __init__(self, states, accepting):
        # states[i]: ({characters: next state}, next state on any other character); None for
        # a next state means that no string going that way can match
        self.moves = tuple(
            {character: target for characters, target in moves.items() for character in characters}
            for moves, _ in states
        )
        self.others = tuple(other for _, other in states)
        self.accepting = frozenset(accepting)

    def search(self, string: str) -> bool:
        moves, others = self.moves, self.others
        state = 0
        for character in string:
            state = moves[state].get(character, others[state])
            if state is None:
                return False
        return state in self.accepting


REGEX_PATTERNS = {
    '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$': _Automaton(
        (
            ({'0123456789': 1}, None),  # 0
            ({'0123456789': 2}, None),  # 1
            ({'0123456789': 3}, None),  # 2
            ({'0123456789': 4}, None),  # 3
            ({'-': 5}, None),  # 4
            ({'0123456789': 6}, None),  # 5
            ({'0123456789': 7}, None),  # 6
            ({'-': 8}, None),  # 7
            ({'0123456789': 9}, None),  # 8
            ({'0123456789': 10}, None),  # 9
            ({' ': 11}, None),  # 10
            ({'0123456789': 12}, None),  # 11
            ({'0123456789': 13}, None),  # 12
            ({':': 14}, None),  # 13
            ({'0123456789': 15}, None),  # 14
            ({'0123456789': 16}, None),  # 15
            ({':': 17}, None),  # 16
            ({'0123456789': 18}, None),  # 17
            ({'0123456789': 19}, None),  # 18
            ({}, None),  # 19
        ),
        (19,),
    ),
    '^[a-z]{2,3}(-[a-z0-9]{2,8})*$': _Automaton(
        (
            ({'abcdefghijklmnopqrstuvwxyz': 1}, None),  # 0
            ({'abcdefghijklmnopqrstuvwxyz': 2}, None),  # 1
            ({'-': 3, 'abcdefghijklmnopqrstuvwxyz': 4}, None),  # 2
            ({'0123456789abcdefghijklmnopqrstuvwxyz': 5}, None),  # 3
            ({'-': 3}, None),  # 4
            ({'0123456789abcdefghijklmnopqrstuvwxyz': 6}, None),  # 5
            ({'-': 3, '0123456789abcdefghijklmnopqrstuvwxyz': 7}, None),  # 6
            ({'-': 3, '0123456789abcdefghijklmnopqrstuvwxyz': 8}, None),  # 7
            ({'-': 3, '0123456789abcdefghijklmnopqrstuvwxyz': 9}, None),  # 8
            ({'-': 3, '0123456789abcdefghijklmnopqrstuvwxyz': 10}, None),  # 9
            ({'-': 3, '0123456789abcdefghijklmnopqrstuvwxyz': 11}, None),  # 10
            ({'-': 3, '0123456789abcdefghijklmnopqrstuvwxyz': 4}, None),  # 11
        ),
        (2, 4, 6, 7, 8, 9, 10, 11),
    ),
}

NoneType = type(None)

def validate_https___mdlint_invalid_schemas_article_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['title', 'date']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException
        data_keys = set(data.keys())
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException
            if isinstance(data__title, str):
                data__title_len = len(data__title)
                if data__title_len < 1:
                    raise JsonSchemaValueException
        if "date" in data_keys:
            data_keys.remove("date")
            data__date = data["date"]
            if not isinstance(data__date, (str)):
                raise JsonSchemaValueException
            if isinstance(data__date, str):
                if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$'].search(data__date):
                    raise JsonSchemaValueException
        if "summary" in data_keys:
            data_keys.remove("summary")
            data__summary = data["summary"]
            if not isinstance(data__summary, (str)):
                raise JsonSchemaValueException
        if "categories" in data_keys:
            data_keys.remove("categories")
            data__categories = data["categories"]
            if not isinstance(data__categories, (list)):
                raise JsonSchemaValueException
            data__categories_is_list = isinstance(data__categories, (list))
            if data__categories_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__categories_len = len(data__categories)
                if data__categories_len > len(set(fn(data__categories_x) for data__categories_x in data__categories)):
                    raise JsonSchemaValueException
                for data__categories_x, data__categories_item in enumerate(data__categories):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data__categories_item, custom_formats)
        if "lang" in data_keys:
            data_keys.remove("lang")
            data__lang = data["lang"]
            if not isinstance(data__lang, (list)):
                raise JsonSchemaValueException
            data__lang_is_list = isinstance(data__lang, (list))
            if data__lang_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__lang_len = len(data__lang)
                if data__lang_len > len(set(fn(data__lang_x) for data__lang_x in data__lang)):
                    raise JsonSchemaValueException
                for data__lang_x, data__lang_item in enumerate(data__lang):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_languagetag(data__lang_item, custom_formats)
        if "translations" in data_keys:
            data_keys.remove("translations")
            data__translations = data["translations"]
            if not isinstance(data__translations, (list)):
                raise JsonSchemaValueException
            data__translations_is_list = isinstance(data__translations, (list))
            if data__translations_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__translations_len = len(data__translations)
                if data__translations_len > len(set(fn(data__translations_x) for data__translations_x in data__translations)):
                    raise JsonSchemaValueException
                for data__translations_x, data__translations_item in enumerate(data__translations):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_languagetag(data__translations_item, custom_formats)
        if "tags" in data_keys:
            data_keys.remove("tags")
            data__tags = data["tags"]
            if not isinstance(data__tags, (list)):
                raise JsonSchemaValueException
            data__tags_is_list = isinstance(data__tags, (list))
            if data__tags_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__tags_len = len(data__tags)
                if data__tags_len > len(set(fn(data__tags_x) for data__tags_x in data__tags)):
                    raise JsonSchemaValueException
                for data__tags_x, data__tags_item in enumerate(data__tags):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data__tags_item, custom_formats)
        if "menu" in data_keys:
            data_keys.remove("menu")
            data__menu = data["menu"]
            data__menu_any_of_count1 = 0
            if not data__menu_any_of_count1:
                try:
                    if not isinstance(data__menu, (str)):
                        raise JsonSchemaValueException
                    data__menu_any_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__menu_any_of_count1:
                try:
                    if not isinstance(data__menu, (list)):
                        raise JsonSchemaValueException
                    data__menu_is_list = isinstance(data__menu, (list))
                    if data__menu_is_list:
                        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        data__menu_len = len(data__menu)
                        if data__menu_len > len(set(fn(data__menu_x) for data__menu_x in data__menu)):
                            raise JsonSchemaValueException
                        for data__menu_x, data__menu_item in enumerate(data__menu):
                            validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data__menu_item, custom_formats)
                    data__menu_any_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__menu_any_of_count1:
                try:
                    if not isinstance(data__menu, (dict)):
                        raise JsonSchemaValueException
                    data__menu_is_dict = isinstance(data__menu, dict)
                    if data__menu_is_dict:
                        data__menu_keys = set(data__menu.keys())
                        for data__menu_key in data__menu_keys:
                            if data__menu_key not in []:
                                data__menu_value = data__menu.get(data__menu_key)
                                validate_https___mdlint_invalid_schemas_article_schema_json___defs_menuentry(data__menu_value, custom_formats)
                    data__menu_any_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__menu_any_of_count1:
                raise JsonSchemaValueException
        if "thumbnail" in data_keys:
            data_keys.remove("thumbnail")
            data__thumbnail = data["thumbnail"]
            data__thumbnail_any_of_count2 = 0
            if not data__thumbnail_any_of_count2:
                try:
                    if not isinstance(data__thumbnail, (str)):
                        raise JsonSchemaValueException
                    data__thumbnail_any_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__thumbnail_any_of_count2:
                try:
                    if not isinstance(data__thumbnail, (dict)):
                        raise JsonSchemaValueException
                    data__thumbnail_is_dict = isinstance(data__thumbnail, dict)
                    if data__thumbnail_is_dict:
                        data__thumbnail__missing_keys = set(['src']) - data__thumbnail.keys()
                        if data__thumbnail__missing_keys:
                            raise JsonSchemaValueException
                        data__thumbnail_keys = set(data__thumbnail.keys())
                        if "src" in data__thumbnail_keys:
                            data__thumbnail_keys.remove("src")
                            data__thumbnail__src = data__thumbnail["src"]
                            if not isinstance(data__thumbnail__src, (str)):
                                raise JsonSchemaValueException
                        if "visibility" in data__thumbnail_keys:
                            data__thumbnail_keys.remove("visibility")
                            data__thumbnail__visibility = data__thumbnail["visibility"]
                            if not isinstance(data__thumbnail__visibility, (list)):
                                raise JsonSchemaValueException
                            data__thumbnail__visibility_is_list = isinstance(data__thumbnail__visibility, (list))
                            if data__thumbnail__visibility_is_list:
                                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                                data__thumbnail__visibility_len = len(data__thumbnail__visibility)
                                if data__thumbnail__visibility_len > len(set(fn(data__thumbnail__visibility_x) for data__thumbnail__visibility_x in data__thumbnail__visibility)):
                                    raise JsonSchemaValueException
                                for data__thumbnail__visibility_x, data__thumbnail__visibility_item in enumerate(data__thumbnail__visibility):
                                    if not (isinstance(data__thumbnail__visibility_item, str) and data__thumbnail__visibility_item == 'list' or isinstance(data__thumbnail__visibility_item, str) and data__thumbnail__visibility_item == 'post'):
                                        raise JsonSchemaValueException
                        if data__thumbnail_keys:
                            raise JsonSchemaValueException
                    data__thumbnail_any_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__thumbnail_any_of_count2:
                raise JsonSchemaValueException
        if "lead" in data_keys:
            data_keys.remove("lead")
            data__lead = data["lead"]
            if not isinstance(data__lead, (str)):
                raise JsonSchemaValueException
        if "comments" in data_keys:
            data_keys.remove("comments")
            data__comments = data["comments"]
            if not isinstance(data__comments, (bool)):
                raise JsonSchemaValueException
        if "authorbox" in data_keys:
            data_keys.remove("authorbox")
            data__authorbox = data["authorbox"]
            if not isinstance(data__authorbox, (bool)):
                raise JsonSchemaValueException
        if "pager" in data_keys:
            data_keys.remove("pager")
            data__pager = data["pager"]
            if not isinstance(data__pager, (bool)):
                raise JsonSchemaValueException
        if "toc" in data_keys:
            data_keys.remove("toc")
            data__toc = data["toc"]
            if not isinstance(data__toc, (bool)):
                raise JsonSchemaValueException
        if "mathjax" in data_keys:
            data_keys.remove("mathjax")
            data__mathjax = data["mathjax"]
            if not isinstance(data__mathjax, (bool)):
                raise JsonSchemaValueException
        if "sidebar" in data_keys:
            data_keys.remove("sidebar")
            data__sidebar = data["sidebar"]
            if not (isinstance(data__sidebar, str) and data__sidebar == 'left' or isinstance(data__sidebar, str) and data__sidebar == 'right' or isinstance(data__sidebar, bool) and data__sidebar is False):
                raise JsonSchemaValueException
        if "widgets" in data_keys:
            data_keys.remove("widgets")
            data__widgets = data["widgets"]
            if not isinstance(data__widgets, (list)):
                raise JsonSchemaValueException
            data__widgets_is_list = isinstance(data__widgets, (list))
            if data__widgets_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__widgets_len = len(data__widgets)
                if data__widgets_len > len(set(fn(data__widgets_x) for data__widgets_x in data__widgets)):
                    raise JsonSchemaValueException
                for data__widgets_x, data__widgets_item in enumerate(data__widgets):
                    if not (isinstance(data__widgets_item, str) and data__widgets_item == 'search' or isinstance(data__widgets_item, str) and data__widgets_item == 'ddg-search' or isinstance(data__widgets_item, str) and data__widgets_item == 'recent' or isinstance(data__widgets_item, str) and data__widgets_item == 'categories' or isinstance(data__widgets_item, str) and data__widgets_item == 'taglist' or isinstance(data__widgets_item, str) and data__widgets_item == 'social' or isinstance(data__widgets_item, str) and data__widgets_item == 'languages'):
                        raise JsonSchemaValueException
        if "aliases" in data_keys:
            data_keys.remove("aliases")
            data__aliases = data["aliases"]
            if not isinstance(data__aliases, (list)):
                raise JsonSchemaValueException
            data__aliases_is_list = isinstance(data__aliases, (list))
            if data__aliases_is_list:
                data__aliases_len = len(data__aliases)
                for data__aliases_x, data__aliases_item in enumerate(data__aliases):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data__aliases_item, custom_formats)
        if "audio" in data_keys:
            data_keys.remove("audio")
            data__audio = data["audio"]
            if not isinstance(data__audio, (list)):
                raise JsonSchemaValueException
            data__audio_is_list = isinstance(data__audio, (list))
            if data__audio_is_list:
                data__audio_len = len(data__audio)
                for data__audio_x, data__audio_item in enumerate(data__audio):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data__audio_item, custom_formats)
        if "author" in data_keys:
            data_keys.remove("author")
            data__author = data["author"]
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_stringorstringlist(data__author, custom_formats)
        if "authors" in data_keys:
            data_keys.remove("authors")
            data__authors = data["authors"]
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_stringorstringlist(data__authors, custom_formats)
        if "build" in data_keys:
            data_keys.remove("build")
            data__build = data["build"]
            if not isinstance(data__build, (dict)):
                raise JsonSchemaValueException
            data__build_is_dict = isinstance(data__build, dict)
            if data__build_is_dict:
                data__build_keys = set(data__build.keys())
                if "list" in data__build_keys:
                    data__build_keys.remove("list")
                    data__build__list = data__build["list"]
                    data__build__list_any_of_count3 = 0
                    if not data__build__list_any_of_count3:
                        try:
                            if not (isinstance(data__build__list, str) and data__build__list == 'always' or isinstance(data__build__list, str) and data__build__list == 'local' or isinstance(data__build__list, str) and data__build__list == 'never'):
                                raise JsonSchemaValueException
                            data__build__list_any_of_count3 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__build__list_any_of_count3:
                        try:
                            if not isinstance(data__build__list, (bool)):
                                raise JsonSchemaValueException
                            data__build__list_any_of_count3 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__build__list_any_of_count3:
                        raise JsonSchemaValueException
                if "render" in data__build_keys:
                    data__build_keys.remove("render")
                    data__build__render = data__build["render"]
                    data__build__render_any_of_count4 = 0
                    if not data__build__render_any_of_count4:
                        try:
                            if not (isinstance(data__build__render, str) and data__build__render == 'always' or isinstance(data__build__render, str) and data__build__render == 'link' or isinstance(data__build__render, str) and data__build__render == 'never'):
                                raise JsonSchemaValueException
                            data__build__render_any_of_count4 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__build__render_any_of_count4:
                        try:
                            if not isinstance(data__build__render, (bool)):
                                raise JsonSchemaValueException
                            data__build__render_any_of_count4 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__build__render_any_of_count4:
                        raise JsonSchemaValueException
                if "publishResources" in data__build_keys:
                    data__build_keys.remove("publishResources")
                    data__build__publishResources = data__build["publishResources"]
                    if not isinstance(data__build__publishResources, (bool)):
                        raise JsonSchemaValueException
                if data__build_keys:
                    raise JsonSchemaValueException
        if "cascade" in data_keys:
            data_keys.remove("cascade")
            data__cascade = data["cascade"]
            data__cascade_any_of_count5 = 0
            if not data__cascade_any_of_count5:
                try:
                    if not isinstance(data__cascade, (dict)):
                        raise JsonSchemaValueException
                    data__cascade_any_of_count5 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__cascade_any_of_count5:
                try:
                    if not isinstance(data__cascade, (list)):
                        raise JsonSchemaValueException
                    data__cascade_is_list = isinstance(data__cascade, (list))
                    if data__cascade_is_list:
                        data__cascade_len = len(data__cascade)
                        for data__cascade_x, data__cascade_item in enumerate(data__cascade):
                            if not isinstance(data__cascade_item, (dict)):
                                raise JsonSchemaValueException
                    data__cascade_any_of_count5 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__cascade_any_of_count5:
                raise JsonSchemaValueException
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (str)):
                raise JsonSchemaValueException
        if "draft" in data_keys:
            data_keys.remove("draft")
            data__draft = data["draft"]
            if not isinstance(data__draft, (bool)):
                raise JsonSchemaValueException
        if "expiryDate" in data_keys:
            data_keys.remove("expiryDate")
            data__expiryDate = data["expiryDate"]
            if not isinstance(data__expiryDate, (str)):
                raise JsonSchemaValueException
            if isinstance(data__expiryDate, str):
                data__expiryDate_len = len(data__expiryDate)
                if data__expiryDate_len < 1:
                    raise JsonSchemaValueException
        if "headless" in data_keys:
            data_keys.remove("headless")
            data__headless = data["headless"]
            if not isinstance(data__headless, (bool)):
                raise JsonSchemaValueException
        if "images" in data_keys:
            data_keys.remove("images")
            data__images = data["images"]
            if not isinstance(data__images, (list)):
                raise JsonSchemaValueException
            data__images_is_list = isinstance(data__images, (list))
            if data__images_is_list:
                data__images_len = len(data__images)
                for data__images_x, data__images_item in enumerate(data__images):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data__images_item, custom_formats)
        if "isCJKLanguage" in data_keys:
            data_keys.remove("isCJKLanguage")
            data__isCJKLanguage = data["isCJKLanguage"]
            if not isinstance(data__isCJKLanguage, (bool)):
                raise JsonSchemaValueException
        if "keywords" in data_keys:
            data_keys.remove("keywords")
            data__keywords = data["keywords"]
            if not isinstance(data__keywords, (list)):
                raise JsonSchemaValueException
            data__keywords_is_list = isinstance(data__keywords, (list))
            if data__keywords_is_list:
                data__keywords_len = len(data__keywords)
                for data__keywords_x, data__keywords_item in enumerate(data__keywords):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data__keywords_item, custom_formats)
        if "lastmod" in data_keys:
            data_keys.remove("lastmod")
            data__lastmod = data["lastmod"]
            if not isinstance(data__lastmod, (str)):
                raise JsonSchemaValueException
            if isinstance(data__lastmod, str):
                data__lastmod_len = len(data__lastmod)
                if data__lastmod_len < 1:
                    raise JsonSchemaValueException
        if "layout" in data_keys:
            data_keys.remove("layout")
            data__layout = data["layout"]
            if not isinstance(data__layout, (str)):
                raise JsonSchemaValueException
        if "linkTitle" in data_keys:
            data_keys.remove("linkTitle")
            data__linkTitle = data["linkTitle"]
            if not isinstance(data__linkTitle, (str)):
                raise JsonSchemaValueException
        if "markup" in data_keys:
            data_keys.remove("markup")
            data__markup = data["markup"]
            if not isinstance(data__markup, (str)):
                raise JsonSchemaValueException
        if "outputs" in data_keys:
            data_keys.remove("outputs")
            data__outputs = data["outputs"]
            if not isinstance(data__outputs, (list)):
                raise JsonSchemaValueException
            data__outputs_is_list = isinstance(data__outputs, (list))
            if data__outputs_is_list:
                data__outputs_len = len(data__outputs)
                for data__outputs_x, data__outputs_item in enumerate(data__outputs):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data__outputs_item, custom_formats)
        if "params" in data_keys:
            data_keys.remove("params")
            data__params = data["params"]
            if not isinstance(data__params, (dict)):
                raise JsonSchemaValueException
        if "publishDate" in data_keys:
            data_keys.remove("publishDate")
            data__publishDate = data["publishDate"]
            if not isinstance(data__publishDate, (str)):
                raise JsonSchemaValueException
            if isinstance(data__publishDate, str):
                data__publishDate_len = len(data__publishDate)
                if data__publishDate_len < 1:
                    raise JsonSchemaValueException
        if "resources" in data_keys:
            data_keys.remove("resources")
            data__resources = data["resources"]
            if not isinstance(data__resources, (list)):
                raise JsonSchemaValueException
            data__resources_is_list = isinstance(data__resources, (list))
            if data__resources_is_list:
                data__resources_len = len(data__resources)
                for data__resources_x, data__resources_item in enumerate(data__resources):
                    if not isinstance(data__resources_item, (dict)):
                        raise JsonSchemaValueException
                    data__resources_item_is_dict = isinstance(data__resources_item, dict)
                    if data__resources_item_is_dict:
                        data__resources_item_keys = set(data__resources_item.keys())
                        if "src" in data__resources_item_keys:
                            data__resources_item_keys.remove("src")
                            data__resources_item__src = data__resources_item["src"]
                            if not isinstance(data__resources_item__src, (str)):
                                raise JsonSchemaValueException
                        if "name" in data__resources_item_keys:
                            data__resources_item_keys.remove("name")
                            data__resources_item__name = data__resources_item["name"]
                            if not isinstance(data__resources_item__name, (str)):
                                raise JsonSchemaValueException
                        if "title" in data__resources_item_keys:
                            data__resources_item_keys.remove("title")
                            data__resources_item__title = data__resources_item["title"]
                            if not isinstance(data__resources_item__title, (str)):
                                raise JsonSchemaValueException
                        if "params" in data__resources_item_keys:
                            data__resources_item_keys.remove("params")
                            data__resources_item__params = data__resources_item["params"]
                            if not isinstance(data__resources_item__params, (dict)):
                                raise JsonSchemaValueException
        if "series" in data_keys:
            data_keys.remove("series")
            data__series = data["series"]
            if not isinstance(data__series, (list)):
                raise JsonSchemaValueException
            data__series_is_list = isinstance(data__series, (list))
            if data__series_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__series_len = len(data__series)
                if data__series_len > len(set(fn(data__series_x) for data__series_x in data__series)):
                    raise JsonSchemaValueException
                for data__series_x, data__series_item in enumerate(data__series):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data__series_item, custom_formats)
        if "sitemap" in data_keys:
            data_keys.remove("sitemap")
            data__sitemap = data["sitemap"]
            if not isinstance(data__sitemap, (dict)):
                raise JsonSchemaValueException
            data__sitemap_is_dict = isinstance(data__sitemap, dict)
            if data__sitemap_is_dict:
                data__sitemap_keys = set(data__sitemap.keys())
                if "changefreq" in data__sitemap_keys:
                    data__sitemap_keys.remove("changefreq")
                    data__sitemap__changefreq = data__sitemap["changefreq"]
                    if not (isinstance(data__sitemap__changefreq, str) and data__sitemap__changefreq == 'always' or isinstance(data__sitemap__changefreq, str) and data__sitemap__changefreq == 'hourly' or isinstance(data__sitemap__changefreq, str) and data__sitemap__changefreq == 'daily' or isinstance(data__sitemap__changefreq, str) and data__sitemap__changefreq == 'weekly' or isinstance(data__sitemap__changefreq, str) and data__sitemap__changefreq == 'monthly' or isinstance(data__sitemap__changefreq, str) and data__sitemap__changefreq == 'yearly' or isinstance(data__sitemap__changefreq, str) and data__sitemap__changefreq == 'never'):
                        raise JsonSchemaValueException
                if "priority" in data__sitemap_keys:
                    data__sitemap_keys.remove("priority")
                    data__sitemap__priority = data__sitemap["priority"]
                    if not isinstance(data__sitemap__priority, (int, float)) or isinstance(data__sitemap__priority, bool):
                        raise JsonSchemaValueException
                    if isinstance(data__sitemap__priority, (int, float)) and not isinstance(data__sitemap__priority, bool):
                        if data__sitemap__priority < 0:
                            raise JsonSchemaValueException
                        if data__sitemap__priority > 1:
                            raise JsonSchemaValueException
                if "disable" in data__sitemap_keys:
                    data__sitemap_keys.remove("disable")
                    data__sitemap__disable = data__sitemap["disable"]
                    if not isinstance(data__sitemap__disable, (bool)):
                        raise JsonSchemaValueException
        if "slug" in data_keys:
            data_keys.remove("slug")
            data__slug = data["slug"]
            if not isinstance(data__slug, (str)):
                raise JsonSchemaValueException
        if "translationKey" in data_keys:
            data_keys.remove("translationKey")
            data__translationKey = data["translationKey"]
            if not isinstance(data__translationKey, (str)):
                raise JsonSchemaValueException
        if "type" in data_keys:
            data_keys.remove("type")
            data__type = data["type"]
            if not isinstance(data__type, (str)):
                raise JsonSchemaValueException
        if "url" in data_keys:
            data_keys.remove("url")
            data__url = data["url"]
            if not isinstance(data__url, (str)):
                raise JsonSchemaValueException
        if "videos" in data_keys:
            data_keys.remove("videos")
            data__videos = data["videos"]
            if not isinstance(data__videos, (list)):
                raise JsonSchemaValueException
            data__videos_is_list = isinstance(data__videos, (list))
            if data__videos_is_list:
                data__videos_len = len(data__videos)
                for data__videos_x, data__videos_item in enumerate(data__videos):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data__videos_item, custom_formats)
        if "weight" in data_keys:
            data_keys.remove("weight")
            data__weight = data["weight"]
            if not isinstance(data__weight, (int)) and not (isinstance(data__weight, float) and data__weight.is_integer()) or isinstance(data__weight, bool):
                raise JsonSchemaValueException
        if "$schema" in data_keys:
            data_keys.remove("$schema")
            data__schema = data["$schema"]
            if not isinstance(data__schema, (str)):
                raise JsonSchemaValueException
        if data_keys:
            raise JsonSchemaValueException
    return data

def validate_https___mdlint_invalid_schemas_article_schema_json___defs_stringorstringlist(data, custom_formats={}, name_prefix=None):
    data_any_of_count6 = 0
    if not data_any_of_count6:
        try:
            if not isinstance(data, (str)):
                raise JsonSchemaValueException
            if isinstance(data, str):
                data_len = len(data)
                if data_len < 1:
                    raise JsonSchemaValueException
            data_any_of_count6 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count6:
        try:
            if not isinstance(data, (list)):
                raise JsonSchemaValueException
            data_is_list = isinstance(data, (list))
            if data_is_list:
                data_len = len(data)
                for data_x, data_item in enumerate(data):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data_item, custom_formats)
            data_any_of_count6 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count6:
        raise JsonSchemaValueException
    return data

def validate_https___mdlint_invalid_schemas_article_schema_json___defs_menuentry(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "identifier" in data_keys:
            data_keys.remove("identifier")
            data__identifier = data["identifier"]
            if not isinstance(data__identifier, (str)):
                raise JsonSchemaValueException
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException
        if "parent" in data_keys:
            data_keys.remove("parent")
            data__parent = data["parent"]
            if not isinstance(data__parent, (str)):
                raise JsonSchemaValueException
        if "weight" in data_keys:
            data_keys.remove("weight")
            data__weight = data["weight"]
            if not isinstance(data__weight, (int)) and not (isinstance(data__weight, float) and data__weight.is_integer()) or isinstance(data__weight, bool):
                raise JsonSchemaValueException
        if "pre" in data_keys:
            data_keys.remove("pre")
            data__pre = data["pre"]
            if not isinstance(data__pre, (str)):
                raise JsonSchemaValueException
        if "post" in data_keys:
            data_keys.remove("post")
            data__post = data["post"]
            if not isinstance(data__post, (str)):
                raise JsonSchemaValueException
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException
        if "url" in data_keys:
            data_keys.remove("url")
            data__url = data["url"]
            if not isinstance(data__url, (str)):
                raise JsonSchemaValueException
        if "params" in data_keys:
            data_keys.remove("params")
            data__params = data["params"]
            if not isinstance(data__params, (dict)):
                raise JsonSchemaValueException
        if data_keys:
            raise JsonSchemaValueException
    return data

def validate_https___mdlint_invalid_schemas_article_schema_json___defs_languagetag(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[a-z]{2,3}(-[a-z0-9]{2,8})*$'].search(data):
            raise JsonSchemaValueException
    return data

def validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException
    return data

def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_0(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_1(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$'].search(data):
            raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_2(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_3(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
        data_len = len(data)
        if data_len > len(set(fn(data_x) for data_x in data)):
            raise JsonSchemaValueException
        for data_x, data_item in enumerate(data):
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data_item, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_4(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
        data_len = len(data)
        if data_len > len(set(fn(data_x) for data_x in data)):
            raise JsonSchemaValueException
        for data_x, data_item in enumerate(data):
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_languagetag(data_item, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_5(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
        data_len = len(data)
        if data_len > len(set(fn(data_x) for data_x in data)):
            raise JsonSchemaValueException
        for data_x, data_item in enumerate(data):
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_languagetag(data_item, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_6(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
        data_len = len(data)
        if data_len > len(set(fn(data_x) for data_x in data)):
            raise JsonSchemaValueException
        for data_x, data_item in enumerate(data):
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data_item, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_7(data, custom_formats={}, name_prefix=None):
    data_any_of_count6 = 0
    if not data_any_of_count6:
        try:
            if not isinstance(data, (str)):
                raise JsonSchemaValueException
            data_any_of_count6 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count6:
        try:
            if not isinstance(data, (list)):
                raise JsonSchemaValueException
            data_is_list = isinstance(data, (list))
            if data_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data_len = len(data)
                if data_len > len(set(fn(data_x) for data_x in data)):
                    raise JsonSchemaValueException
                for data_x, data_item in enumerate(data):
                    validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data_item, custom_formats)
            data_any_of_count6 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count6:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data_keys = set(data.keys())
                for data_key in data_keys:
                    if data_key not in []:
                        data_value = data.get(data_key)
                        validate_https___mdlint_invalid_schemas_article_schema_json___defs_menuentry(data_value, custom_formats)
            data_any_of_count6 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count6:
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_8(data, custom_formats={}, name_prefix=None):
    data_any_of_count5 = 0
    if not data_any_of_count5:
        try:
            if not isinstance(data, (str)):
                raise JsonSchemaValueException
            data_any_of_count5 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count5:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['src']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException
                data_keys = set(data.keys())
                if "src" in data_keys:
                    data_keys.remove("src")
                    data__src = data["src"]
                    if not isinstance(data__src, (str)):
                        raise JsonSchemaValueException
                if "visibility" in data_keys:
                    data_keys.remove("visibility")
                    data__visibility = data["visibility"]
                    if not isinstance(data__visibility, (list)):
                        raise JsonSchemaValueException
                    data__visibility_is_list = isinstance(data__visibility, (list))
                    if data__visibility_is_list:
                        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        data__visibility_len = len(data__visibility)
                        if data__visibility_len > len(set(fn(data__visibility_x) for data__visibility_x in data__visibility)):
                            raise JsonSchemaValueException
                        for data__visibility_x, data__visibility_item in enumerate(data__visibility):
                            if not (isinstance(data__visibility_item, str) and data__visibility_item == 'list' or isinstance(data__visibility_item, str) and data__visibility_item == 'post'):
                                raise JsonSchemaValueException
                if data_keys:
                    raise JsonSchemaValueException
            data_any_of_count5 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count5:
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_9(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_10(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (bool)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_11(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (bool)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_12(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (bool)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_13(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (bool)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_14(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (bool)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_15(data, custom_formats={}, name_prefix=None):
    if not (isinstance(data, str) and data == 'left' or isinstance(data, str) and data == 'right' or isinstance(data, bool) and data is False):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_16(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
        data_len = len(data)
        if data_len > len(set(fn(data_x) for data_x in data)):
            raise JsonSchemaValueException
        for data_x, data_item in enumerate(data):
            if not (isinstance(data_item, str) and data_item == 'search' or isinstance(data_item, str) and data_item == 'ddg-search' or isinstance(data_item, str) and data_item == 'recent' or isinstance(data_item, str) and data_item == 'categories' or isinstance(data_item, str) and data_item == 'taglist' or isinstance(data_item, str) and data_item == 'social' or isinstance(data_item, str) and data_item == 'languages'):
                raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_17(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data_item, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_18(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data_item, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_19(data, custom_formats={}, name_prefix=None):
    validate_https___mdlint_invalid_schemas_article_schema_json___defs_stringorstringlist(data, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_20(data, custom_formats={}, name_prefix=None):
    validate_https___mdlint_invalid_schemas_article_schema_json___defs_stringorstringlist(data, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_21(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "list" in data_keys:
            data_keys.remove("list")
            data__list = data["list"]
            data__list_any_of_count2 = 0
            if not data__list_any_of_count2:
                try:
                    if not (isinstance(data__list, str) and data__list == 'always' or isinstance(data__list, str) and data__list == 'local' or isinstance(data__list, str) and data__list == 'never'):
                        raise JsonSchemaValueException
                    data__list_any_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__list_any_of_count2:
                try:
                    if not isinstance(data__list, (bool)):
                        raise JsonSchemaValueException
                    data__list_any_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__list_any_of_count2:
                raise JsonSchemaValueException
        if "render" in data_keys:
            data_keys.remove("render")
            data__render = data["render"]
            data__render_any_of_count3 = 0
            if not data__render_any_of_count3:
                try:
                    if not (isinstance(data__render, str) and data__render == 'always' or isinstance(data__render, str) and data__render == 'link' or isinstance(data__render, str) and data__render == 'never'):
                        raise JsonSchemaValueException
                    data__render_any_of_count3 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__render_any_of_count3:
                try:
                    if not isinstance(data__render, (bool)):
                        raise JsonSchemaValueException
                    data__render_any_of_count3 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__render_any_of_count3:
                raise JsonSchemaValueException
        if "publishResources" in data_keys:
            data_keys.remove("publishResources")
            data__publishResources = data["publishResources"]
            if not isinstance(data__publishResources, (bool)):
                raise JsonSchemaValueException
        if data_keys:
            raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_22(data, custom_formats={}, name_prefix=None):
    data_any_of_count1 = 0
    if not data_any_of_count1:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException
            data_any_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count1:
        try:
            if not isinstance(data, (list)):
                raise JsonSchemaValueException
            data_is_list = isinstance(data, (list))
            if data_is_list:
                data_len = len(data)
                for data_x, data_item in enumerate(data):
                    if not isinstance(data_item, (dict)):
                        raise JsonSchemaValueException
            data_any_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count1:
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_23(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_24(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (bool)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_25(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_26(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (bool)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_27(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data_item, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_28(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (bool)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_29(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data_item, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_30(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_31(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_32(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_33(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_34(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data_item, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_35(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_36(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_37(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            if not isinstance(data_item, (dict)):
                raise JsonSchemaValueException
            data_item_is_dict = isinstance(data_item, dict)
            if data_item_is_dict:
                data_item_keys = set(data_item.keys())
                if "src" in data_item_keys:
                    data_item_keys.remove("src")
                    data_item__src = data_item["src"]
                    if not isinstance(data_item__src, (str)):
                        raise JsonSchemaValueException
                if "name" in data_item_keys:
                    data_item_keys.remove("name")
                    data_item__name = data_item["name"]
                    if not isinstance(data_item__name, (str)):
                        raise JsonSchemaValueException
                if "title" in data_item_keys:
                    data_item_keys.remove("title")
                    data_item__title = data_item["title"]
                    if not isinstance(data_item__title, (str)):
                        raise JsonSchemaValueException
                if "params" in data_item_keys:
                    data_item_keys.remove("params")
                    data_item__params = data_item["params"]
                    if not isinstance(data_item__params, (dict)):
                        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_38(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
        data_len = len(data)
        if data_len > len(set(fn(data_x) for data_x in data)):
            raise JsonSchemaValueException
        for data_x, data_item in enumerate(data):
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data_item, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_39(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "changefreq" in data_keys:
            data_keys.remove("changefreq")
            data__changefreq = data["changefreq"]
            if not (isinstance(data__changefreq, str) and data__changefreq == 'always' or isinstance(data__changefreq, str) and data__changefreq == 'hourly' or isinstance(data__changefreq, str) and data__changefreq == 'daily' or isinstance(data__changefreq, str) and data__changefreq == 'weekly' or isinstance(data__changefreq, str) and data__changefreq == 'monthly' or isinstance(data__changefreq, str) and data__changefreq == 'yearly' or isinstance(data__changefreq, str) and data__changefreq == 'never'):
                raise JsonSchemaValueException
        if "priority" in data_keys:
            data_keys.remove("priority")
            data__priority = data["priority"]
            if not isinstance(data__priority, (int, float)) or isinstance(data__priority, bool):
                raise JsonSchemaValueException
            if isinstance(data__priority, (int, float)) and not isinstance(data__priority, bool):
                if data__priority < 0:
                    raise JsonSchemaValueException
                if data__priority > 1:
                    raise JsonSchemaValueException
        if "disable" in data_keys:
            data_keys.remove("disable")
            data__disable = data["disable"]
            if not isinstance(data__disable, (bool)):
                raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_40(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_41(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_42(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_43(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_44(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list)):
        raise JsonSchemaValueException
    data_is_list = isinstance(data, (list))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate_https___mdlint_invalid_schemas_article_schema_json___defs_nonemptystring(data_item, custom_formats)
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_45(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (int)) and not (isinstance(data, float) and data.is_integer()) or isinstance(data, bool):
        raise JsonSchemaValueException
    return data


def validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_46(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException
    return data


def is_valid(data: object) -> bool:
    """Whether `data` is valid against the bundled schema. False on any doubt: jsonschema decides."""
    try:
        validate_https___mdlint_invalid_schemas_article_schema_json(data)
    except Exception:  # JsonSchemaValueException, or anything unexpected: not vouched for
        return False
    return True


# The subschema of each top-level property, as its own function.
PROPERTY_VALIDATORS = {
    'title': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_0,
    'date': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_1,
    'summary': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_2,
    'categories': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_3,
    'lang': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_4,
    'translations': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_5,
    'tags': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_6,
    'menu': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_7,
    'thumbnail': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_8,
    'lead': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_9,
    'comments': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_10,
    'authorbox': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_11,
    'pager': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_12,
    'toc': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_13,
    'mathjax': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_14,
    'sidebar': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_15,
    'widgets': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_16,
    'aliases': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_17,
    'audio': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_18,
    'author': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_19,
    'authors': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_20,
    'build': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_21,
    'cascade': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_22,
    'description': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_23,
    'draft': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_24,
    'expiryDate': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_25,
    'headless': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_26,
    'images': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_27,
    'isCJKLanguage': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_28,
    'keywords': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_29,
    'lastmod': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_30,
    'layout': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_31,
    'linkTitle': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_32,
    'markup': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_33,
    'outputs': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_34,
    'params': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_35,
    'publishDate': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_36,
    'resources': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_37,
    'series': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_38,
    'sitemap': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_39,
    'slug': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_40,
    'translationKey': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_41,
    'type': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_42,
    'url': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_43,
    'videos': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_44,
    'weight': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_45,
    '$schema': validate_https___mdlint_invalid_schemas_article_schema_json___defs_mdlint_property_46,
}


def property_is_valid(name: str, value: object) -> bool:
    """Whether `value` is valid against the bundled schema's `properties[name]`. False on any doubt
    (and for a name the schema has no subschema for): jsonschema decides."""
    validate = PROPERTY_VALIDATORS.get(name)
    if validate is None:
        return False
    try:
        validate(value)
    except Exception:
        return False
    return True
