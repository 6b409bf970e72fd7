/* Search and filters of the catalogue, in the browser, without a server.
   The index (assets/search-index.js) sets window.GHIA_INDEX; without JavaScript the
   pages still list every dataset, page by page and theme by theme. */
(function () {
  "use strict";
  var form = document.getElementById("search");
  var index = window.GHIA_INDEX;
  if (!form || !index) return;
  var lang = form.dataset.lang, home = form.dataset.home;
  var results = document.getElementById("results"), count = document.getElementById("count");
  var pager = document.getElementById("pager");
  var labels = document.getElementById("labels").content;
  var PAGE = 50, shown = PAGE;
  // National romanization, so that "kutaisi" finds ქუთაისი.
  var LATIN = {"ა":"a","ბ":"b","გ":"g","დ":"d","ე":"e","ვ":"v","ზ":"z","თ":"t","ი":"i","კ":"k","ლ":"l",
    "მ":"m","ნ":"n","ო":"o","პ":"p","ჟ":"zh","რ":"r","ს":"s","ტ":"t","უ":"u","ფ":"p","ქ":"k","ღ":"gh",
    "ყ":"q","შ":"sh","ჩ":"ch","ც":"ts","ძ":"dz","წ":"ts","ჭ":"ch","ხ":"kh","ჯ":"j","ჰ":"h"};
  function fold(text) {
    text = (text || "").toLowerCase();
    return text + " " + text.replace(/[\u10d0-\u10f0]/g, function (c) { return LATIN[c] || c; });
  }
  function pick(value) { return value[lang] || value.ka || value.en || ""; }
  index.items.forEach(function (item) {
    item.haystack = fold([item.t.ka, item.t.en, item.d.ka, item.d.en, item.k.join(" "), item.s].join(" "));
  });
  function label(name, n) {
    var text = labels.querySelector("[data-" + name + "]").textContent;
    return text.replace("__N__", n);
  }
  function element(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) node.textContent = text;
    return node;
  }
  function render() {
    var params = new FormData(form);
    var terms = fold(params.get("q")).split(/\s+/).filter(Boolean);
    var theme = params.get("theme"), service = params.get("service"), format = params.get("format");
    var found = index.items.filter(function (item) {
      if (theme && item.th !== theme) return false;
      if (service !== "" && String(item.sv) !== service) return false;
      if (format && item.f.indexOf(format) < 0) return false;
      return terms.every(function (term) { return item.haystack.indexOf(term) >= 0; });
    });
    results.textContent = "";
    found.slice(0, shown).forEach(function (item) {
      var li = element("li", {"class": "dataset-item"});
      li.appendChild(element("a", {href: home + "doc/dataset/" + item.s + "/index.html"}, pick(item.t)));
      var meta = [pick(index.services[item.sv])];
      if (item.th) meta.push(pick(index.themes[item.th]));
      li.appendChild(element("div", {"class": "meta"}, meta.concat(item.f).join(" · ")));
      if (pick(item.d)) li.appendChild(element("p", {}, pick(item.d)));
      results.appendChild(li);
    });
    if (found.length > shown) {
      var more = element("button", {type: "button"}, label("more"));
      more.addEventListener("click", function () { shown += PAGE; render(); });
      results.appendChild(more);
    }
    count.textContent = found.length ? label(found.length === 1 ? "one" : "many", found.length) : label("none");
    if (pager) pager.hidden = true;
  }
  var query = new URLSearchParams(location.search);
  ["q", "theme", "service", "format"].forEach(function (name) {
    if (query.get(name)) form.elements[name].value = query.get(name);
  });
  form.addEventListener("input", function () { shown = PAGE; render(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); shown = PAGE; render(); });
  render();
})();
