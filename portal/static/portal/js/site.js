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

  // On phones the menu scrolls sideways: bring the current section into view.
  var currentSection = document.querySelector(".site-nav [aria-current]");
  if (currentSection && currentSection.parentElement.parentElement.scrollWidth > window.innerWidth) {
    currentSection.scrollIntoView({ block: "nearest", inline: "center" });
  }

  document.querySelectorAll("[data-carousel]").forEach(carousel);

  // Lightbox over an album's photo grid. Each thumbnail links to the photo's own page, which is
  // what visitors without JavaScript (or with a modifier key) get. <dialog> traps focus and
  // closes on Escape by itself.
  function lightbox(list) {
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-lightbox-item]"));
    if (!items.length || typeof HTMLDialogElement !== "function") return;
    var labels = list.dataset;
    var current = 0;
    var opener = null;
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", labels.labelDialog);
    var figure = document.createElement("figure");
    figure.className = "lightbox__figure";
    var image = document.createElement("img");
    image.className = "lightbox__image";
    image.alt = "";  // until a photo is shown
    var caption = document.createElement("figcaption");
    caption.className = "lightbox__caption";
    var position = document.createElement("p");
    position.className = "lightbox__position";
    position.setAttribute("aria-live", "polite");
    figure.append(image, caption);
    var close = button(labels.labelClose, "×", function () { dialog.close(); });
    close.className = "lightbox__close";
    var previous = button(labels.labelPrevious, "‹", function () { show(current - 1); });
    previous.className = "lightbox__previous";
    var next = button(labels.labelNext, "›", function () { show(current + 1); });
    next.className = "lightbox__next";
    dialog.append(close, figure, position, previous, next);
    document.body.append(dialog);

    function show(index) {
      current = (index + items.length) % items.length;
      var item = items[current].dataset;
      image.src = item.src;
      image.width = item.width;
      image.height = item.height;
      image.alt = item.alt;
      caption.textContent = item.caption;
      caption.hidden = !item.caption;
      position.textContent = labels.labelPosition
        .replace("{number}", current + 1).replace("{total}", items.length);
    }
    items.forEach(function (item, index) {
      item.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        opener = item;
        show(index);
        dialog.showModal();
        close.focus();
      });
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") show(current - 1);
      if (event.key === "ArrowRight") show(current + 1);
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();  // a click on the backdrop
    });
    dialog.addEventListener("close", function () { if (opener) opener.focus(); });
    var startX = null;
    dialog.addEventListener("pointerdown", function (event) { startX = event.clientX; });
    dialog.addEventListener("pointerup", function (event) {
      if (startX === null) return;
      var distance = event.clientX - startX;
      startX = null;
      if (Math.abs(distance) > 50) show(distance > 0 ? current - 1 : current + 1);
    });
  }

  document.querySelectorAll("[data-lightbox]").forEach(lightbox);

  // Alert banners: "Dismiss" hides one for this browser until the editors change it.
  var dismissed = [];
  try { dismissed = JSON.parse(localStorage.getItem("dismissedAlerts") || "[]"); } catch (e) { /* private mode */ }
  document.querySelectorAll("[data-alert]").forEach(function (alert) {
    var key = alert.dataset.alert;
    if (dismissed.indexOf(key) !== -1) { alert.hidden = true; return; }
    var close = alert.querySelector(".alert__close");
    close.removeAttribute("data-pending");
    close.addEventListener("click", function () {
      alert.hidden = true;
      dismissed = dismissed.concat([key]).slice(-20);
      try { localStorage.setItem("dismissedAlerts", JSON.stringify(dismissed)); } catch (e) { /* not kept */ }
    });
  });

  // Embedded videos keep their provider's shape (the stylesheet gives them 16:9 until then).
  document.querySelectorAll(".responsive-object[data-ratio]").forEach(function (embed) {
    embed.style.paddingBottom = embed.dataset.ratio;
  });

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
