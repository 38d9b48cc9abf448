// The admin fills in slugs as the editor types a title. Django's URLify turns "ø" into
// "o" and "å" into "a"; the site writes Danish letters as portal.text.slugify does
// (æ→ae, ø→oe, å→aa), so an address reads the same whether typed or generated.
(function () {
  "use strict";
  var original = window.URLify;
  if (!original) {
    return;
  }
  var danish = { "æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa" };
  window.URLify = function (text, length, allowUnicode) {
    var spelled = String(text).replace(/[æøåÆØÅ]/g, function (letter) {
      return danish[letter];
    });
    return original(spelled, length, allowUnicode);
  };
})();
