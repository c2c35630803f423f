/* Opstap: light progressive enhancement. Every page works without this file.
   - an error summary takes focus when a form comes back with errors;
   - a search field marked data-combobox becomes an accessible combobox (WAI-ARIA 1.2
     "list autocomplete" pattern) that fills the select it names with the chosen item;
     a label in another language than the page's (ESCO skills are in English only) carries
     its own lang attribute, so a screen reader pronounces it right; a part of the page that
     keep-place.js swaps in ("opstap:swapped") gets its comboboxes too. */
(function () {
  "use strict";

  function focusErrorSummary() {
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) {
      summary.focus();
    }
  }

  function markLanguage(element, item) {
    if (item.label_lang) {
      element.lang = item.label_lang;
    }
  }

  function Combobox(input, index) {
    this.input = input;
    this.endpoint = input.getAttribute("data-combobox");
    this.lang = input.getAttribute("data-lang") || "nl";
    this.target = document.getElementById(input.getAttribute("data-target"));
    this.emptyText = input.getAttribute("data-empty") || "";
    this.countText = input.getAttribute("data-count") || "{n}";
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.request = 0;
    this.build(index);
  }

  Combobox.prototype.build = function (index) {
    var input = this.input;
    var wrapper = document.createElement("div");
    wrapper.className = "combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    this.listbox = document.createElement("ul");
    this.listbox.id = "combobox-" + index + "-list";
    this.listbox.setAttribute("role", "listbox");
    this.listbox.hidden = true;
    var label = document.querySelector('label[for="' + input.id + '"]');
    if (label) {
      this.listbox.setAttribute("aria-label", label.textContent.trim());
    }
    wrapper.appendChild(this.listbox);
    this.status = document.createElement("p");
    this.status.className = "combobox-status hint";
    this.status.setAttribute("role", "status");
    wrapper.appendChild(this.status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);
    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKey.bind(this));
    input.addEventListener("blur", this.onBlur.bind(this));
  };

  Combobox.prototype.onInput = function () {
    var self = this;
    window.clearTimeout(this.timer);
    var query = this.input.value.trim();
    if (query.length < 2) {
      this.close();
      return;
    }
    this.timer = window.setTimeout(function () { self.search(query); }, 200);
  };

  Combobox.prototype.search = function (query) {
    var self = this;
    var number = ++this.request;
    var url = this.endpoint + "?limit=8&lang=" + encodeURIComponent(this.lang) +
      "&q=" + encodeURIComponent(query);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (page) {
        if (number === self.request) {
          self.show(page.items || []);
        }
      })
      .catch(function () { self.close(); });
  };

  Combobox.prototype.show = function (items) {
    var self = this;
    this.items = items;
    this.active = -1;
    this.listbox.textContent = "";
    items.forEach(function (item, i) {
      var option = document.createElement("li");
      option.id = self.listbox.id + "-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = item.label;
      markLanguage(option, item);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        self.choose(i);
      });
      self.listbox.appendChild(option);
    });
    var open = items.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    this.input.removeAttribute("aria-activedescendant");
    this.status.textContent = open ? this.countText.replace("{n}", items.length) : this.emptyText;
  };

  Combobox.prototype.highlight = function (index) {
    var options = this.listbox.querySelectorAll('[role="option"]');
    if (!options.length) {
      return;
    }
    this.active = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === this.active ? "true" : "false");
    }, this);
    var current = options[this.active];
    this.input.setAttribute("aria-activedescendant", current.id);
    current.scrollIntoView({ block: "nearest" });
  };

  Combobox.prototype.choose = function (index) {
    var item = this.items[index];
    if (!item) {
      return;
    }
    this.input.value = item.label;
    if (this.target) {
      var found = null;
      Array.prototype.forEach.call(this.target.options, function (option) {
        if (option.value === item.uri) {
          found = option;
        }
      });
      if (!found) {
        found = new Option(item.label, item.uri);
        markLanguage(found, item);
        this.target.add(found);
      }
      this.target.value = item.uri;
      this.target.dispatchEvent(new Event("change", { bubbles: true }));
    }
    this.close();
    var chosen = document.createElement("span");
    chosen.textContent = item.label;
    markLanguage(chosen, item);
    this.status.textContent = "";
    this.status.appendChild(chosen);
  };

  Combobox.prototype.open = function () {
    return !this.listbox.hidden;
  };

  Combobox.prototype.close = function () {
    this.listbox.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Combobox.prototype.onKey = function (event) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (this.open()) {
        this.highlight(this.active + 1);
      } else if (this.items.length) {
        this.show(this.items);
        this.highlight(0);
      }
    } else if (event.key === "ArrowUp") {
      if (this.open()) {
        event.preventDefault();
        this.highlight(this.active - 1);
      }
    } else if (event.key === "Enter") {
      if (this.open()) {
        // Choosing from the list must not also send the form.
        event.preventDefault();
        if (this.active >= 0) {
          this.choose(this.active);
        }
      }
    } else if (event.key === "Escape") {
      if (this.open()) {
        event.preventDefault();
        this.close();
      }
    }
  };

  Combobox.prototype.onBlur = function () {
    var self = this;
    window.setTimeout(function () { self.close(); }, 150);
  };

  var comboboxes = 0; // numbers the listboxes' ids, unique across swapped-in parts

  function enhanceComboboxes(root) {
    var inputs = root.querySelectorAll("input[data-combobox]");
    Array.prototype.forEach.call(inputs, function (input) {
      new Combobox(input, comboboxes++);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusErrorSummary();
    enhanceComboboxes(document);
  });
  document.addEventListener("opstap:swapped", function (event) {
    enhanceComboboxes(event.detail.root);
  });
})();
