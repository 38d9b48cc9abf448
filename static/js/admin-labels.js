// Give every form control in the admin a name a screen reader can announce. Django
// renders some controls without a <label>: fields in a table (list_editable columns, tabular
// inlines, the "Slet?" box) are named only by their column's heading, a field rendered as a
// fieldset (a file input) only by its legend; Select2's autocomplete builds its own combobox
// and search box beside the labelled <select>, and a rich-text editor its editable area
// beside the labelled <textarea>. Each gets aria-labelledby pointing at the text that
// already names it on screen. Rows and widgets that scripts add later (a new inline, an
// editor started late) are named as they appear.
(function () {
  "use strict";
  var CONTROLS = "input:not([type=hidden]), select, textarea";
  var made = 0;

  function idOf(element) {
    if (!element.id) {
      made += 1;
      element.id = "admin-name-" + made;
    }
    return element.id;
  }

  function isNamed(control) {
    return (
      (control.labels && control.labels.length > 0) ||
      control.hasAttribute("aria-label") ||
      control.hasAttribute("aria-labelledby") ||
      control.hasAttribute("title")
    );
  }

  function columnHeading(control) {
    var cell = control.closest("td, th");
    var table = cell && cell.closest("table");
    var heading = table && table.tHead && table.tHead.rows[0];
    if (!heading) {
      return null;
    }
    var field = control.closest("[class*='field-']");
    var match = field && /(?:^|\s)field-(\S+)/.exec(field.className);
    if (match) {
      var byName = heading.querySelector("th.column-" + CSS.escape(match[1]));
      if (byName) {
        return byName;
      }
    }
    // Columns without a field name ("Slet?") are counted from the row's end, because
    // the translation tabs fold cells into one in the middle of the row.
    var row = cell.parentElement;
    return heading.cells[heading.cells.length - (row.cells.length - cell.cellIndex)] || null;
  }

  function rowHeading(control) {
    var row = control.closest("tr");
    var heading = row && row.querySelector("th, td.original p");
    return heading && !heading.contains(control) && heading.textContent.trim() ? heading : null;
  }

  function legendOf(control) {
    var fieldset = control.closest("fieldset");
    var legend = fieldset && fieldset.querySelector(":scope > legend");
    return legend && legend.textContent.trim() ? legend : null;
  }

  function nameControl(control) {
    if (isNamed(control)) {
      return;
    }
    var column = columnHeading(control);
    if (column) {
      var row = rowHeading(control);
      control.setAttribute("aria-labelledby", [column, row].filter(Boolean).map(idOf).join(" "));
      return;
    }
    var legend = legendOf(control);
    if (legend) {
      control.setAttribute("aria-labelledby", idOf(legend));
    }
  }

  // A rich-text editor replaces its field's <textarea> with an editable area of its own;
  // it is named by the label the textarea had.
  function nameEditable(editable) {
    if (isNamed(editable)) {
      return;
    }
    var holder = editable.parentElement;
    for (var depth = 0; holder && depth < 4; depth += 1, holder = holder.parentElement) {
      var field = holder.querySelector("textarea");
      if (field && field.labels && field.labels.length) {
        editable.setAttribute("aria-labelledby", idOf(field.labels[0]));
        return;
      }
    }
  }

  function selectNames(select) {
    if (select.labels && select.labels.length) {
      return idOf(select.labels[0]);
    }
    return select.getAttribute("aria-labelledby");
  }

  function nameSelect2(container) {
    var select = container.previousElementSibling;
    if (!select || select.tagName !== "SELECT") {
      return;
    }
    var names = selectNames(select);
    if (!names) {
      return;
    }
    var combobox = container.querySelector(".select2-selection[role=combobox]");
    var rendered = container.querySelector(".select2-selection__rendered");
    if (combobox && rendered && rendered.id) {
      // The chosen value, read after the field's name.
      combobox.setAttribute("aria-labelledby", names + " " + rendered.id);
    } else if (combobox) {
      combobox.setAttribute("aria-labelledby", names);
    }
    if (rendered && rendered.getAttribute("role") === "textbox") {
      rendered.setAttribute("aria-labelledby", names);
    }
    if (rendered && rendered.tagName === "UL") {
      // Select2 puts its "remove all" cross straight into the list of chosen values.
      rendered.setAttribute("role", "list");
    }
    container.querySelectorAll(".select2-search__field").forEach(function (search) {
      search.setAttribute("aria-labelledby", names);
    });
  }

  function nameAll() {
    document.querySelectorAll(CONTROLS).forEach(nameControl);
    document.querySelectorAll(".select2-container").forEach(nameSelect2);
    document.querySelectorAll("[contenteditable=true]").forEach(nameEditable);
    // Icons that carry their meaning in aria-label need a role that allows one.
    document.querySelectorAll("span[aria-label]:not([role])").forEach(function (icon) {
      if (!icon.textContent.trim()) {
        icon.setAttribute("role", "img");
      }
    });
  }

  var pending = false;
  function later() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        nameAll();
      });
    }
  }

  // Typing in a rich-text editor changes the page on every key; only new form rows and
  // widgets need names, so changes inside an editor are not a reason to look again.
  var EDITING = ".ProseMirror, .prose-menubar";
  function outsideEditors(records) {
    return records.some(function (record) {
      var target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      return !(target && target.closest(EDITING));
    });
  }

  function start() {
    nameAll();
    new MutationObserver(function (records) {
      if (outsideEditors(records)) {
        later();
      }
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      // After the admin's own ready handlers (Select2, translation tabs) have run.
      window.setTimeout(start);
    });
  } else {
    window.setTimeout(start);
  }
})();
