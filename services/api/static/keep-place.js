/* Opstap: repeated actions without losing your place. Every page works without this file.

   A form marked data-keep-place="ID" (or its submit button, for a form whose other buttons
   should load the page as usual) is sent with fetch and the header X-Opstap-Fragment. The server
   answers with the part of the page it renders for the full page too (one template), holding the
   element #ID, which replaces the page's #ID. The answer's headers say which control takes the
   focus (X-Opstap-Focus) and what the polite live region says (X-Opstap-Announce). An answer
   with errors (422) is swapped in the same way: the error beside the field, the focus on it.
   Anything else (no fragment in the answer, a network failure) sends the form as usual, so the
   server's plain answer (a redirect, an error page, the sign-in page) is what the person sees.
   The form's CSRF token travels with it, as in a plain submit. */
(function () {
  "use strict";

  var HEADER = "X-Opstap-Fragment";
  var live = null;

  function liveRegion() {
    if (live) {
      return live;
    }
    live = document.createElement("div");
    live.className = "live-status";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    live.setAttribute("aria-atomic", "true");
    var main = document.querySelector("main") || document.body;
    main.insertBefore(live, main.firstChild);
    return live;
  }

  function announce(text) {
    var region = liveRegion();
    // The notice of the last full page load is about an earlier action: it goes.
    Array.prototype.forEach.call(document.querySelectorAll("main > .notice"), function (old) {
      if (old !== region) {
        old.parentNode.removeChild(old);
      }
    });
    region.textContent = "";
    region.classList.remove("notice");
    if (!text) {
      return;
    }
    // Emptied first and filled a moment later, so that the same words twice are said twice.
    window.setTimeout(function () {
      region.textContent = text;
      region.classList.add("notice");
    }, 50);
  }

  function regionId(form, submitter) {
    if (submitter && submitter.hasAttribute("data-keep-place")) {
      return submitter.getAttribute("data-keep-place");
    }
    if (submitter && submitter.hasAttribute("formaction")) {
      return null; // a button that goes elsewhere loads its page
    }
    return form.getAttribute("data-keep-place");
  }

  function bodyOf(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) {
      data.append(submitter.name, submitter.value);
    }
    return new URLSearchParams(data);
  }

  function actionOf(form, submitter) {
    var action = (submitter && submitter.getAttribute("formaction")) || form.getAttribute("action");
    return (action || window.location.pathname).split("#")[0];
  }

  function sendPlainly(form, submitter) {
    form.setAttribute("data-keep-place-off", "");
    if (form.requestSubmit) {
      form.requestSubmit(submitter || undefined);
    } else {
      form.submit();
    }
  }

  function swap(region, id, html) {
    var holder = document.createElement("template");
    holder.innerHTML = html;
    var fresh = holder.content.getElementById(id);
    if (!fresh) {
      return null;
    }
    region.parentNode.replaceChild(fresh, region);
    document.dispatchEvent(new CustomEvent("opstap:swapped", { detail: { root: fresh } }));
    return fresh;
  }

  function focusAfter(fresh, response) {
    var id = response.headers.get("X-Opstap-Focus");
    var target = (id && document.getElementById(id)) ||
      fresh.querySelector('[aria-invalid="true"]') || fresh;
    if (target === fresh && !fresh.hasAttribute("tabindex")) {
      fresh.setAttribute("tabindex", "-1");
    }
    target.focus();
  }

  function decode(value) {
    try {
      return value ? decodeURIComponent(value) : "";
    } catch (error) {
      return "";
    }
  }

  function onSubmit(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) {
      return;
    }
    if (form.hasAttribute("data-keep-place-off")) {
      form.removeAttribute("data-keep-place-off");
      return;
    }
    var submitter = event.submitter || null;
    var id = regionId(form, submitter);
    var region = id && document.getElementById(id);
    if (!region || (form.getAttribute("method") || "").toLowerCase() !== "post") {
      return;
    }
    event.preventDefault();
    if (region.getAttribute("aria-busy") === "true") {
      return; // the last step is still on its way
    }
    region.setAttribute("aria-busy", "true");
    var swapped = false;
    var headers = { Accept: "text/html" };
    headers[HEADER] = id;
    fetch(actionOf(form, submitter), {
      method: "POST",
      body: bodyOf(form, submitter),
      headers: headers,
      credentials: "same-origin"
    })
      .then(function (response) {
        var usable = (response.ok || response.status === 422) && !response.redirected &&
          response.headers.get(HEADER);
        if (!usable) {
          throw new Error("no fragment");
        }
        return response.text().then(function (html) {
          var fresh = swap(region, id, html);
          if (!fresh) {
            throw new Error("no fragment");
          }
          swapped = true;
          focusAfter(fresh, response);
          announce(decode(response.headers.get("X-Opstap-Announce")));
        });
      })
      .catch(function (error) {
        if (swapped) {
          throw error; // the step was done and shown: sending it again would repeat it
        }
        region.removeAttribute("aria-busy");
        sendPlainly(form, submitter);
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector("[data-keep-place]")) {
      liveRegion();
      document.addEventListener("submit", onSubmit);
    }
  });
})();
