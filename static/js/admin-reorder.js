// Moves a theme's sections and a section's items with "Flyt op"/"Flyt ned" buttons, for
// editors who do not drag. Each part's hidden position field is renumbered in page order
// and a change event is sent, so the unsaved-changes warning and the save both see it.
// Dragging is nested-admin's own; both end in the same hidden positions.
(function () {
  "use strict";

  function ownParts(group) {
    var items = group.querySelector(".djn-items");
    if (!items) {
      return [];
    }
    return Array.prototype.filter.call(items.children, function (node) {
      return node.hasAttribute("data-reorder-part") && node.classList.contains("djn-item");
    });
  }

  function own(part, selector) {
    return Array.prototype.filter.call(part.querySelectorAll(selector), function (node) {
      return node.closest("[data-reorder-part]") === part;
    });
  }

  function titleOf(part, group) {
    var field = group.getAttribute("data-reorder-title-field");
    var input = field && document.getElementsByName(part.id + "-" + field)[0];
    var text = input ? input.value.trim() : "";
    return text || group.getAttribute("data-reorder-untitled");
  }

  function showTitle(part, group) {
    var title = titleOf(part, group);
    own(part, "[data-reorder-title]").forEach(function (span) {
      span.textContent = title;
    });
  }

  function renumber(group) {
    ownParts(group).forEach(function (part, index) {
      var input = document.getElementsByName(part.id + "-order")[0];
      if (input && input.value !== String(index)) {
        input.value = String(index);
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  function announce(group, part) {
    var status = own(group, "[data-reorder-status]")[0] ||
      group.querySelector("[data-reorder-status]");
    var parts = ownParts(group);
    var message = group.getAttribute("data-reorder-moved")
      .replace("{title}", titleOf(part, group))
      .replace("{position}", String(parts.indexOf(part) + 1))
      .replace("{count}", String(parts.length));
    status.textContent = "";
    // A fresh text node after a pause is announced even when the words repeat.
    window.setTimeout(function () {
      status.textContent = message;
    }, 100);
  }

  function move(button) {
    var part = button.closest("[data-reorder-part]");
    var group = part && part.closest("[data-reorder-prefix]");
    if (!group) {
      return;
    }
    var parts = ownParts(group);
    var index = parts.indexOf(part);
    if (button.getAttribute("data-reorder-move") === "up" && index > 0) {
      parts[index - 1].before(part);
    } else if (button.getAttribute("data-reorder-move") === "down" && index < parts.length - 1) {
      parts[index + 1].after(part);
    }
    button.focus();
    renumber(group);
    announce(group, part);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-reorder-move]");
    if (button) {
      event.preventDefault();
      move(button);
    }
  });

  document.addEventListener("input", function (event) {
    var part = event.target.closest("[data-reorder-part]");
    var group = part && part.closest("[data-reorder-prefix]");
    var field = group && group.getAttribute("data-reorder-title-field");
    if (field && event.target.name === part.id + "-" + field) {
      showTitle(part, group);
    }
  });

  document.addEventListener("formset:added", function (event) {
    var part = event.target.closest && event.target.closest("[data-reorder-part]");
    var group = part && part.closest("[data-reorder-prefix]");
    if (group) {
      showTitle(part, group);
    }
  });

  function start() {
    document.querySelectorAll("[data-reorder-prefix]").forEach(function (group) {
      ownParts(group).forEach(function (part) {
        showTitle(part, group);
      });
    });
    // A part with a mistake in it opens, so the editor sees the message.
    document.querySelectorAll("details.ordered-part-body").forEach(function (details) {
      if (details.querySelector(".errorlist, .errors")) {
        details.open = true;
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
