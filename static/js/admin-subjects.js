// A subject field is a plain <select multiple> of every subject; this makes it a
// search-as-you-type box with the admin's select2 (the look of its autocomplete fields).
// The options are already on the page, so select2 searches them without a request.
// The "Nyt emne" link opens the subject form in the admin's pop-up, which adds the new
// subject to the select; without this script it opens the form in a new tab.
"use strict";
{
  const $ = django.jQuery;

  function enhance(select) {
    const noResults = select.dataset.noResults;
    $(select).select2({
      theme: "admin-autocomplete",
      width: "min(30em, 100%)",
      // The first language given wins, so this one line overrides select2's Danish.
      language: [
        {
          noResults: function () {
            return noResults;
          },
        },
        select.dataset.subjectLanguage || "en",
      ],
    });
  }

  $(function () {
    document.querySelectorAll("select.subject-select").forEach(enhance);
    document.querySelectorAll("a.subject-new").forEach(function (link) {
      const url = new URL(link.href);
      url.searchParams.set("_popup", "1");
      link.href = url.toString();
      link.removeAttribute("target");
    });
  });
}
