// On narrow screens the main navigation folds behind a "Menu" button, so the header keeps to two
// short lines. Without JavaScript the button stays hidden and the navigation stays open.
(() => {
  const toggle = document.querySelector(".site-nav-toggle");
  const header = toggle && toggle.closest(".site-header");
  if (!header) return;
  const setOpen = (open) => {
    toggle.setAttribute("aria-expanded", String(open));
    header.classList.toggle("site-header--open", open);
  };
  toggle.hidden = false;
  header.classList.add("site-header--folding");
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  header.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
})();
