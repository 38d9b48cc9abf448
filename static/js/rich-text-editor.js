// Turns every rich-text textarea in the admin into django-prose-editor's editor
// (Tiptap). The bundle is imported by its path, so the page needs no inline import map,
// and Tiptap starts with injectCSS off: its few base rules are in
// css/rich-text-editor.css. Both keep the admin within the site's CSP, which allows
// no inline script and no inline style.
import * as editor from "../django_prose_editor/editor.js";

const ATTRIBUTE = "data-rich-text-editor";
const translate = window.gettext || ((text) => text);

// The library names its buttons in English and outside gettext; editors read Danish.
const LABELS = {
  paragraph: translate("Almindelig tekst"),
  heading1: translate("Overskrift 1"),
  heading2: translate("Overskrift 2"),
  heading3: translate("Overskrift 3"),
  heading4: translate("Overskrift 4"),
  heading5: translate("Overskrift 5"),
  heading6: translate("Overskrift 6"),
  bulletList: translate("Punktopstilling"),
  orderedList: translate("Nummereret liste"),
  orderedListProperties: translate("Listens udseende"),
  blockquote: translate("Citat"),
  bold: translate("Fed"),
  italic: translate("Kursiv"),
  link: translate("Indsæt link"),
  unlink: translate("Fjern link"),
  undo: translate("Fortryd"),
  redo: translate("Gentag"),
};

function labelMenu(wrapper) {
  for (const item of wrapper.querySelectorAll(".prose-menubar [data-name]")) {
    const label = LABELS[item.dataset.name];
    if (!label) {
      continue;
    }
    if (item.classList.contains("prose-menubar__option")) {
      const text = item.firstElementChild || item;
      text.textContent = label;
    } else {
      item.title = label;
      item.setAttribute("aria-label", label);
    }
  }
  // The block type picker's button shows the current type without a data-name.
  for (const button of wrapper.querySelectorAll(".prose-menubar__selected button")) {
    button.title = translate("Tekstens type");
    button.setAttribute("aria-label", translate("Tekstens type"));
  }
}

// Pasted HTML (Word, Google Docs, web pages) is full of style attributes and <style>
// elements. Parsing them into any document, even a detached one, is refused by the CSP
// and reported as a violation, so they are taken out of the string before ProseMirror
// parses it. Bold and italic that a paste marks only by style (Google Docs) become
// <strong> and <em>; everything else the editor's schema drops, and the server's
// sanitiser after it.
const PASTED_TAG =
  /<!--[\s\S]*?-->|<style[\s>][\s\S]*?<\/style\s*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

function withoutInlineStyles(html) {
  const closers = [];
  return html.replace(PASTED_TAG, (match, closing, name, rest) => {
    if (name === undefined) {
      return "";
    }
    const tag = name.toLowerCase();
    const styled = tag === "span" || tag === "b";
    if (closing) {
      return styled ? (closers.pop() ?? "") : match;
    }
    const found = STYLE_ATTRIBUTE.exec(rest);
    const css = found ? (found[1] ?? found[2] ?? found[3]).toLowerCase() : "";
    if (!styled) {
      return found ? `<${name}${rest.replace(STYLE_ATTRIBUTE, "")}>` : match;
    }
    // Google Docs wraps a whole paste in <b style="font-weight:normal">.
    const bold =
      tag === "b"
        ? !/font-weight\s*:\s*(normal|[1-5]00)/.test(css)
        : /font-weight\s*:\s*(bold|[6-9]00)/.test(css);
    const italic = /font-style\s*:\s*italic/.test(css);
    closers.push((italic ? "</em>" : "") + (bold ? "</strong>" : ""));
    return (bold ? "<strong>" : "") + (italic ? "<em>" : "");
  });
}

function labelFor(textarea) {
  const label = textarea.id && document.querySelector(`label[for="${textarea.id}"]`);
  return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
}

function extensionsFor(config) {
  const extensions = [];
  for (const [name, options] of Object.entries(config.extensions)) {
    const extension = editor[name];
    if (!extension) {
      continue;
    }
    extensions.push(typeof options === "object" ? extension.configure(options) : extension);
  }
  return extensions;
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) {
    return;
  }
  const config = JSON.parse(textarea.getAttribute(ATTRIBUTE) || "{}");
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = document.createElement("div");
  wrapper.className = disabled ? "prose-editor disabled" : "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  const label = labelFor(textarea);
  new editor.Editor({
    element: wrapper,
    editable: !disabled,
    injectCSS: false,
    extensions: extensionsFor(config),
    content: textarea.value,
    // The textarea keeps the field's <label>; the editable area says the same.
    editorProps: {
      transformPastedHTML: withoutInlineStyles,
      attributes: label
        ? { role: "textbox", "aria-multiline": "true", "aria-label": label }
        : { role: "textbox", "aria-multiline": "true" },
    },
    onCreate() {
      labelMenu(wrapper);
    },
    // The menu redraws the block type picker as the cursor moves.
    onTransaction() {
      labelMenu(wrapper);
    },
    onUpdate({ editor: instance }) {
      const html = instance.getHTML();
      // An editor always holds one paragraph; an empty one is an empty field.
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
}

// Starts the editors on the page, and on every inline form the admin adds later
// ("Tilføj endnu et afsnit"): the library listens for the admin's formset:added.
editor.initializeEditors(createEditor, `[${ATTRIBUTE}]`);
