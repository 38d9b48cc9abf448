// Progressive enhancement of a film (templates/films/includes/player.html).
// Served, the page holds a link to the film at the provider and nothing that loads from
// it. This script turns the link into an "Afspil film" button; pressing it (click,
// Enter or Space) puts the provider's privacy-enhanced player in the poster's place.
// The player's address is built here from the provider and the id; the CSP's
// frame-src allows exactly these two hosts.
(function () {
  "use strict";

  var PLAYERS = {
    youtube: function (id) {
      return "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(id) + "?autoplay=1";
    },
    vimeo: function (id) {
      return "https://player.vimeo.com/video/" + encodeURIComponent(id) + "?dnt=1&autoplay=1";
    }
  };

  function enhance(player) {
    var link = player.querySelector("[data-film-play]");
    var stage = player.querySelector("[data-film-stage]");
    var build = PLAYERS[player.getAttribute("data-provider")];
    var id = player.getAttribute("data-video-id") || "";
    if (!link || !stage || !build || !/^[A-Za-z0-9_-]{1,20}$/.test(id)) {
      return; // the link stays: the film can still be seen at the provider
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = player.getAttribute("data-play-label");
    button.setAttribute("aria-describedby", link.getAttribute("aria-describedby") || "");
    link.replaceWith(button);

    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "film-player__frame";
      frame.title = player.getAttribute("data-frame-title") || "";
      frame.allow = "autoplay; fullscreen; picture-in-picture";
      frame.setAttribute("allowfullscreen", "");
      frame.src = build(id);
      stage.replaceChildren(frame);
      button.remove();
      player.classList.add("film-player--playing");
      // The button is gone: the player itself takes the focus, so keyboard users go on there.
      frame.focus();
    });
  }

  document.querySelectorAll("[data-film-player]").forEach(enhance);
})();
