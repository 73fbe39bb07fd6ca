/* Suggestions for the header search box: the ARIA 1.2 combobox pattern (list autocomplete,
   no automatic selection). The form works without this script; with it, typing three letters
   or more asks the server for suggestions (debounced; a newer request aborts the older one),
   Up/Down move the active option (aria-activedescendant), Enter follows it, Escape closes.
   Server data is only ever written with textContent. */
(function () {
    "use strict";

    var MIN_LETTERS = 3;
    var DEBOUNCE_MS = 200;
    var NON_WORD = /[^\p{L}\p{N}]/gu;

    function letterCount(text) {
        return text.replace(NON_WORD, "").length;
    }

    function setUp(form) {
        var input = form.querySelector("[role='combobox']");
        var listbox = document.getElementById(input.getAttribute("aria-controls"));
        var status = form.querySelector("[aria-live]");
        var url = form.dataset.suggestionsUrl;
        var timer = null;
        var controller = null;
        var options = [];
        var active = -1;

        function announce(count) {
            var message;
            if (count === 0) {
                message = form.dataset.statusNone;
            } else if (count === 1) {
                message = form.dataset.statusOne;
            } else {
                message = form.dataset.statusMany.replace("{count}", String(count));
            }
            status.textContent = message;
        }

        function setActive(index) {
            if (active >= 0 && options[active]) {
                options[active].setAttribute("aria-selected", "false");
            }
            active = index;
            if (index < 0) {
                input.removeAttribute("aria-activedescendant");
                return;
            }
            var option = options[index];
            option.setAttribute("aria-selected", "true");
            input.setAttribute("aria-activedescendant", option.id);
            option.scrollIntoView({ block: "nearest" });
        }

        function close() {
            setActive(-1);
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
        }

        function open() {
            if (options.length) {
                listbox.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function isOpen() {
            return !listbox.hidden;
        }

        function cancelPending() {
            window.clearTimeout(timer);
            if (controller) {
                controller.abort();
                controller = null;
            }
        }

        function optionFor(suggestion, index) {
            var item = document.createElement("li");
            item.setAttribute("role", "none");
            var link = document.createElement("a");
            link.id = listbox.id + "-" + index;
            link.className = "site-search__option site-search__option--" + suggestion.type;
            link.setAttribute("role", "option");
            link.setAttribute("aria-selected", "false");
            link.setAttribute("tabindex", "-1");
            link.href = suggestion.url;
            var title = document.createElement("span");
            title.className = "site-search__title";
            title.textContent = suggestion.title;
            var label = document.createElement("span");
            label.className = "site-search__type";
            var separator = document.createElement("span");
            separator.className = "visually-hidden";
            separator.textContent = ", ";
            label.appendChild(separator);
            label.appendChild(document.createTextNode(suggestion.type_label));
            link.appendChild(title);
            link.appendChild(label);
            link.addEventListener("mouseenter", function () {
                setActive(index);
            });
            item.appendChild(link);
            return item;
        }

        function render(suggestions) {
            close();
            listbox.replaceChildren();
            options = suggestions.map(function (suggestion, index) {
                var item = optionFor(suggestion, index);
                listbox.appendChild(item);
                return item.firstChild;
            });
            announce(options.length);
            open();
        }

        function clear() {
            cancelPending();
            close();
            listbox.replaceChildren();
            options = [];
            status.textContent = "";
        }

        function fetchSuggestions(query) {
            cancelPending();
            controller = new AbortController();
            var signal = controller.signal;
            fetch(url + "?q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
                signal: signal,
            })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error("HTTP " + response.status);
                    }
                    return response.json();
                })
                .then(function (data) {
                    // A late answer to an older query, or to a query since erased, is dropped.
                    if (signal.aborted || input.value.trim() !== query) {
                        return;
                    }
                    render(Array.isArray(data.suggestions) ? data.suggestions : []);
                })
                .catch(function () {
                    /* Aborted or failed: the plain search still works. */
                });
        }

        input.addEventListener("input", function () {
            var query = input.value.trim();
            window.clearTimeout(timer);
            if (letterCount(query) < MIN_LETTERS) {
                clear();
                return;
            }
            timer = window.setTimeout(function () {
                fetchSuggestions(query);
            }, DEBOUNCE_MS);
        });

        input.addEventListener("keydown", function (event) {
            if (event.altKey && event.key === "ArrowDown") {
                open();
                event.preventDefault();
                return;
            }
            switch (event.key) {
                case "ArrowDown":
                    if (!options.length) {
                        return;
                    }
                    open();
                    setActive(active < options.length - 1 ? active + 1 : 0);
                    event.preventDefault();
                    break;
                case "ArrowUp":
                    if (!options.length) {
                        return;
                    }
                    open();
                    setActive(active > 0 ? active - 1 : options.length - 1);
                    event.preventDefault();
                    break;
                case "Enter":
                    if (isOpen() && active >= 0) {
                        event.preventDefault();
                        window.location.assign(options[active].href);
                    }
                    break;
                case "Escape":
                    if (isOpen()) {
                        close();
                    } else if (input.value) {
                        input.value = "";
                        clear();
                    } else {
                        return;
                    }
                    event.preventDefault();
                    break;
                case "Tab":
                    close();
                    break;
                default:
                    break;
            }
        });

        // Keep the focus in the box while a suggestion is clicked, so that the click lands.
        listbox.addEventListener("mousedown", function (event) {
            event.preventDefault();
        });
        input.addEventListener("blur", close);
        input.addEventListener("focus", function () {
            if (letterCount(input.value.trim()) >= MIN_LETTERS) {
                open();
            }
        });
        // Coming back with the browser's Back button: no list left open over the page.
        window.addEventListener("pageshow", close);
    }

    document.querySelectorAll("form[data-suggestions-url]").forEach(setUp);
})();
