// Wagtail autosaves the editor's form in the background. A save, submit or publish clicked while
// an autosave was under way raced it: on a new page both requests made the page, and the later
// one failed on its own slug with a server error. The click now waits for the autosave's answer
// and is then sent where the autosave left the form (the new page's edit view), and no autosave
// starts once the form has been sent.
(() => {
  const autosaving = new WeakSet();
  const held = new WeakMap(); // form -> the button the editor clicked while it autosaved

  const autosaved = (form) =>
    form instanceof HTMLFormElement && form.matches('[data-controller~="w-autosave"]');
  const stopAutosaving = (form) => form.setAttribute("data-w-autosave-active-value", "false");

  const send = (form, button) => {
    // The button may have been replaced while the form became the edit view's, and is disabled
    // by its progress spinner: its name and value go as a field of their own.
    if (button && button.name) {
      const action = document.createElement("input");
      Object.assign(action, { type: "hidden", name: button.name, value: button.value });
      form.append(action);
    }
    form.requestSubmit();
  };

  document.addEventListener("w-autosave:save", (event) => {
    const form = event.target;
    // A cancelled autosave sends nothing and reports nothing: nothing to wait for.
    if (autosaved(form)) queueMicrotask(() => event.defaultPrevented || autosaving.add(form));
  });

  const answered = (event) => {
    const form = event.target;
    if (!autosaved(form)) return;
    autosaving.delete(form);
    if (held.has(form)) {
      const button = held.get(form);
      held.delete(form);
      send(form, button);
    }
  };
  document.addEventListener("w-autosave:success", answered);
  document.addEventListener("w-autosave:error", answered);

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!autosaved(form) || !autosaving.has(form)) return;
      event.preventDefault();
      held.set(form, event.submitter);
      stopAutosaving(form);
    },
    true,
  );
  // Last of the submit's listeners: the form is really on its way.
  window.addEventListener("submit", (event) => {
    if (autosaved(event.target) && !event.defaultPrevented) stopAutosaving(event.target);
  });
})();
