// Warns before an editor leaves an admin change form with unsaved changes (the browser's
// own "leave page?" prompt). A change is any input or change event in the form, which
// covers inlines added after load and rich-text editors that write back to their
// textarea, and nested-admin's adding, removing and dragging of inlines. Saving the
// form is leaving on purpose, so it does not warn.
(function () {
  "use strict";

  function start() {
    var form = document.querySelector("body.change-form #content-main form");
    if (!form) {
      return;
    }
    var changed = false;
    var submitting = false;

    function markChanged() {
      changed = true;
    }

    form.addEventListener("input", markChanged);
    form.addEventListener("change", markChanged);
    form.addEventListener("formset:added", markChanged);
    document.addEventListener("formset:removed", markChanged);
    if (window.django && window.django.jQuery) {
      // nested-admin announces a drag or a removal only through jQuery.
      window.django.jQuery(document).on("djnesting:mutate", markChanged);
    }

    // Listening on the window runs after the form's own submit handlers, so a submit
    // another script cancels still counts as unsaved.
    window.addEventListener("submit", function (event) {
      if (event.target === form && !event.defaultPrevented) {
        submitting = true;
      }
    });

    window.addEventListener("beforeunload", function (event) {
      if (changed && !submitting) {
        event.preventDefault();
        // Older browsers show the prompt only when returnValue is set.
        event.returnValue = "";
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
