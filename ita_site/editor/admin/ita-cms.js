/* The project's two form fields for Decap CMS (admin/config.yml names them; ita_site/editor).
 *
 * ita-number: Decap's number field that refuses a value outside the model's bounds
 *   (ita_min, ita_max) with the validator's Thai message (ita_message, a template of
 *   ita_site/inputs/messages.py: out_of_range).
 * ita-date: Decap's date field (a calendar date, written 2023-11-15); in a progress file a
 *   date outside the plan year is refused with the validator's message (ita_message, a
 *   template of ita_site/rules/progress.py: outside_fiscal_year).
 * The templates and the Thai month names come from the build: nothing here is Thai wording.
 *
 * And one file format per kind of data file (ita-year, ita-progress ...): YAML read and written
 * with js-yaml in the YAML 1.2 core schema, as the build reads it (a date stays the text
 * 2023-11-15), written as a person writes it: keys in the model's order, long lines not
 * folded, values left empty by a form not written, the comment lines at the top of the file
 * kept (a new file starts with the line naming its schema). A key the model reads as one
 * mapping or a list of them (rank) is shown as a list. Comments inside a file are not kept.
 */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  var MONTHS = window.ITA_EDITOR.months; // labels.yml months: ม.ค. ... ธ.ค.
  var BE_OFFSET = window.ITA_EDITOR.be_offset; // 543

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function refused(message) {
    return { error: { type: "CUSTOM", message: message } };
  }

  function empty(value) {
    return value === undefined || value === null || value === "";
  }

  // a wrapper of one of Decap's controls whose isValid is `check(props)` (true or a message)
  function wrap(name, check) {
    var base = CMS.getWidget(name);
    var Control = createClass({
      isValid: function () {
        var message = check(this.props);
        return message === true ? true : refused(message);
      },
      render: function () {
        return h(base.control, Object.assign({}, this.props));
      },
    });
    return { control: Control, preview: base.preview };
  }

  var number = wrap("number", function (props) {
    var field = props.field, value = props.value;
    if (empty(value)) return true;
    var n = Number(value);
    var min = field.get("ita_min"), max = field.get("ita_max");
    if (isNaN(n) || (min !== undefined && n < min) || (max !== undefined && n > max)) {
      return fill(field.get("ita_message"), {
        value: String(value), key: field.get("name"),
        min: min === undefined ? "…" : min, max: max === undefined ? "…" : max,
      });
    }
    return true;
  });

  function iso(y, m, d) {
    return String(y).padStart(4, "0") + "-" + String(m).padStart(2, "0") + "-" + String(d).padStart(2, "0");
  }

  function thaiDate(y, m, d) {
    return d + " " + MONTHS[m - 1] + " " + (y + BE_OFFSET);
  }

  var date = wrap("datetime", function (props) {
    var field = props.field, value = props.value, message = field.get("ita_message");
    if (empty(value) || !message) return true;
    var planYear = Number(props.entry.getIn(["data", "plan_year"]));
    if (!planYear) return true;
    var y = planYear - BE_OFFSET; // the fiscal year ends on 30 September of this year (CE)
    var first = iso(y - 1, 10, 1), last = iso(y, 9, 30);
    var day = String(value).slice(0, 10);
    if (day >= first && day <= last) return true;
    return fill(message, {
      what: field.get("ita_what"), day: day, plan_year: planYear,
      first_th: thaiDate(y - 1, 10, 1), last_th: thaiDate(y, 9, 30), first: first, last: last,
    });
  });

  // --- file formats -----------------------------------------------------------------------
  var jsyaml = window.jsyaml;
  var YAML = { schema: jsyaml.CORE_SCHEMA };

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // the data in the key order of `tree`, without the values a form leaves empty
  function ordered(value, tree) {
    if (Array.isArray(value)) {
      return value.filter(function (v) { return v !== "" && v !== undefined; }).map(function (v) { return ordered(v, tree); });
    }
    if (!isObject(value) || !tree) return value;
    var out = {};
    var keys = tree.keys.concat(Object.keys(value).filter(function (k) { return tree.keys.indexOf(k) < 0; }));
    keys.forEach(function (key) {
      var v = value[key];
      if (v === undefined || v === "" || (isObject(v) && Object.keys(v).length === 0)) {
        if (tree.null_if_empty.indexOf(key) >= 0) out[key] = null;
        return;
      }
      out[key] = ordered(v, tree.children[key]);
    });
    return out;
  }

  // a key written as one mapping is read as a list of one (the form shows a list)
  function asLists(value, tree) {
    if (Array.isArray(value)) return value.map(function (v) { return asLists(v, tree); });
    if (!isObject(value) || !tree) return value;
    Object.keys(value).forEach(function (key) {
      if (tree.one_or_list.indexOf(key) >= 0 && isObject(value[key])) value[key] = [value[key]];
      value[key] = asLists(value[key], tree.children[key]);
    });
    return value;
  }

  function header(text) {
    var lines = text.replace(/^\uFEFF/, "").split("\n"), kept = [];
    for (var i = 0; i < lines.length && /^\s*(#.*)?$/.test(lines[i]); i++) kept.push(lines[i]);
    while (kept.length && kept[kept.length - 1].trim() === "") kept.pop();
    return kept.length ? kept.join("\n") + "\n" : "";
  }

  function fileFormat(spec) {
    var headers = {}; // the top comment lines of each file read, by fiscal year
    function id(data) { return isObject(data) && data.fiscal_year !== undefined ? String(data.fiscal_year) : ""; }
    return {
      fromFile: function (text) {
        var data = jsyaml.load(text, YAML) || {};
        headers[id(data)] = header(text);
        return asLists(data, spec.tree);
      },
      toFile: function (data) {
        var top = Object.prototype.hasOwnProperty.call(headers, id(data)) ? headers[id(data)] : spec.header;
        return top + jsyaml.dump(ordered(data, spec.tree), {
          schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"',
        });
      },
    };
  }

  Object.keys(window.ITA_EDITOR.formats).forEach(function (name) {
    CMS.registerCustomFormat(name, "yml", fileFormat(window.ITA_EDITOR.formats[name]));
  });

  CMS.registerWidget("ita-number", number.control, number.preview);
  CMS.registerWidget("ita-date", date.control, date.preview);
})();
