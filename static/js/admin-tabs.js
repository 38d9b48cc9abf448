// The language tabs of django-modeltranslation, built with jQuery UI tabs, made into
// WAI-ARIA tabs. jQuery UI puts role="tab" on the <li> and keeps a focusable link inside
// it, so a screen reader meets a control nested in a control; here the link itself is the
// tab and the <li> is only layout. Keyboard use stays jQuery UI's: Tab reaches the active
// tab, the arrow keys, Home and End move between tabs and show them, Enter and Space too.
(function () {
  "use strict";
  var $ = window.django && window.django.jQuery;
  if (!$ || !$.ui || !$.ui.tabs) {
    return;
  }
  var MOVED = ["aria-controls", "aria-selected", "aria-disabled", "tabindex"];

  $.widget("ui.tabs", $.ui.tabs, {
    _processTabs: function () {
      this._super();
      this._tabsOnAnchors();
    },
    _refresh: function () {
      this._super();
      this._tabsOnAnchors();
    },
    _toggle: function (event, eventData) {
      this._super(event, eventData);
      this._tabsOnAnchors();
    },
    _tabKeydown: function (event) {
      this._super(event);
      this._tabsOnAnchors();
    },
    _focusNextTab: function (index, goingForward) {
      index = this._findNextTab(index, goingForward);
      this.anchors.eq(index).trigger("focus");
      return index;
    },
    _getPanelForTab: function (tab) {
      var anchor = $(tab).find(".ui-tabs-anchor");
      return this._super(anchor.attr("aria-controls") ? anchor : tab);
    },
    _tabsOnAnchors: function () {
      this.tabs.each(function () {
        var item = this;
        var anchor = item.querySelector(".ui-tabs-anchor");
        if (!anchor) {
          return;
        }
        MOVED.forEach(function (name) {
          if (item.hasAttribute(name)) {
            anchor.setAttribute(name, item.getAttribute(name));
            item.removeAttribute(name);
          }
        });
        item.removeAttribute("aria-labelledby");
        item.removeAttribute("aria-expanded");
        item.setAttribute("role", "presentation");
        anchor.setAttribute("role", "tab");
      });
    },
  });

  // The switch that turns every tab on the form to one language gets a visible label and
  // leaves the page's heading, which it would otherwise become part of.
  var script = document.currentScript;
  $(function () {
    var select = document.getElementById("modeltranslation-main-switch");
    if (!select || select.labels.length) {
      return;
    }
    var heading = select.parentNode;
    var wrapper = document.createElement("p");
    var label = document.createElement("label");
    wrapper.className = "language-switch";
    label.htmlFor = select.id;
    label.textContent = script.dataset.switchLabel;
    wrapper.append(label, " ", select);
    heading.after(wrapper);
    heading.normalize();
    if (heading.lastChild && heading.lastChild.nodeType === Node.TEXT_NODE) {
      heading.lastChild.textContent = heading.lastChild.textContent.replace(/\s+$/, "");
    }
  });
})();
