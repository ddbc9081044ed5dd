() => [...document.querySelectorAll('nav.site-nav a[href]')].map((a) => ({
  href: a.href, text: a.innerText.trim()}))
