/* Small enhancements on top of pages that work without JavaScript. */
(function () {
  "use strict";
  document.documentElement.classList.replace("no-js", "js");

  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function button(label, text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.setAttribute("aria-label", label);
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function carousel(root) {
    var slides = root.querySelectorAll("[data-slide]");
    if (slides.length < 2) return;
    var current = 0;
    var timer = null;
    // Autoplay only for visitors who have not asked for less motion; they can still pause it.
    var playing = !reduceMotion;
    var count = document.createElement("span");
    count.className = "carousel__count";
    count.setAttribute("aria-live", "polite");

    function show(index) {
      current = (index + slides.length) % slides.length;
      slides.forEach(function (slide, i) { slide.hidden = i !== current; });
      count.textContent = (current + 1) + " / " + slides.length;
    }
    function stop() { clearInterval(timer); timer = null; }
    function start() { stop(); if (playing) timer = setInterval(function () { show(current + 1); }, 7000); }

    var pause = button(root.dataset.labelPause, "❚❚", function () {
      playing = !playing;
      pause.setAttribute("aria-label", playing ? root.dataset.labelPause : root.dataset.labelPlay);
      pause.textContent = playing ? "❚❚" : "▶";
      start();
    });
    if (!playing) {
      pause.setAttribute("aria-label", root.dataset.labelPlay);
      pause.textContent = "▶";
    }
    var controls = document.createElement("div");
    controls.className = "carousel__controls";
    controls.append(
      count,
      button(root.dataset.labelPrevious, "‹", function () { show(current - 1); }),
      pause,
      button(root.dataset.labelNext, "›", function () { show(current + 1); })
    );
    root.append(controls);

    root.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") show(current - 1);
      if (event.key === "ArrowRight") show(current + 1);
    });
    // Never move while the visitor reads or uses the carousel.
    root.addEventListener("mouseenter", stop);
    root.addEventListener("mouseleave", start);
    root.addEventListener("focusin", stop);
    root.addEventListener("focusout", function (event) {
      if (!root.contains(event.relatedTarget)) start();
    });
    show(0);
    start();
  }

  document.querySelectorAll("[data-carousel]").forEach(carousel);

  // "Copy link": the address is already in a read-only field; the button only saves typing.
  document.querySelectorAll("[data-copy]").forEach(function (copy) {
    if (!navigator.clipboard) return;
    var field = document.getElementById(copy.dataset.copy);
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () { copy.textContent = copy.dataset.copied; });
    });
  });
})();
