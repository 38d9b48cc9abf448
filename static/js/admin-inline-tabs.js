// Gives an inline form added in the browser (a theme's new section, a section's new item)
// the same Danish/English tabs as the forms that came with the page. modeltranslation tabs
// the page's forms when it loads but not forms nested-admin adds later, and it must not
// tab the hidden templates nested-admin copies new forms from, so each new form is tabbed
// here once it is in the page.
(function () {
  "use strict";

  var PREFIX = "mt-field-";

  function languageName(lang) {
    try {
      var name = new Intl.DisplayNames([document.documentElement.lang || lang], {
        type: "language",
      }).of(lang.replace("_", "-"));
      return name.charAt(0).toUpperCase() + name.slice(1);
    } catch (error) {
      return lang;
    }
  }

  function translatedFields(form) {
    var groups = {};
    var order = [];
    form.querySelectorAll("input.mt, textarea.mt, select.mt").forEach(function (field) {
      if (field.closest(".empty-form") || field.closest(".ui-tabs") || !field.id) {
        return;
      }
      var cls = Array.prototype.find.call(field.classList, function (name) {
        return name.indexOf(PREFIX) === 0;
      });
      if (!cls) {
        return;
      }
      var lang = cls.slice(PREFIX.length).split("-")[1];
      var key = field.id.slice(0, field.id.length - lang.length - 1);
      if (!groups[key]) {
        groups[key] = [];
        order.push(key);
      }
      groups[key].push({ lang: lang, field: field });
    });
    return order.map(function (key) {
      return groups[key];
    });
  }

  function activeIndex() {
    var main = document.getElementById("modeltranslation-main-switch");
    return main ? parseInt(main.value, 10) || 0 : 0;
  }

  function tabify(form) {
    var $ = window.jQuery;
    if (!$ || !$.fn.tabs) {
      return;
    }
    translatedFields(form).forEach(function (group) {
      var first = group[0].field.closest(".form-row");
      if (!first) {
        return;
      }
      var container = document.createElement("div");
      var list = document.createElement("ul");
      container.appendChild(list);
      first.parentNode.insertBefore(container, first);
      group.forEach(function (entry) {
        var row = entry.field.closest(".form-row");
        var label = row.querySelector("label");
        if (label) {
          label.innerHTML = label.innerHTML.replace(/ \[.+\]/, "");
        }
        var panel = document.createElement("div");
        panel.id = "tab_" + entry.field.id;
        panel.appendChild(row);
        var item = document.createElement("li");
        if (label && label.classList.contains("required")) {
          item.className = "required";
        }
        var link = document.createElement("a");
        link.href = "#" + panel.id;
        link.title = languageName(entry.lang);
        link.textContent = entry.lang.replace("_", "-");
        item.appendChild(link);
        list.appendChild(item);
        container.appendChild(panel);
      });
      $(container).tabs({ active: activeIndex() });
      $(container).addClass("added-translation-tabs");
    });
  }

  document.addEventListener("formset:added", function (event) {
    if (event.target instanceof Element && event.target.closest(".djn-group")) {
      tabify(event.target);
    }
  });

  // The language switch beside the page title also turns the tabs of added forms.
  document.addEventListener("change", function (event) {
    var $ = window.jQuery;
    if (event.target.id === "modeltranslation-main-switch" && $ && $.fn.tabs) {
      $(".added-translation-tabs").tabs("option", "active", activeIndex());
    }
  });
})();
