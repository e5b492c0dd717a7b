// postes: search, filters, "Suivre cette recherche" and deadline badges.
// Progressive enhancement only: every list is in the HTML, this script
// adds finding, and what depends on the reader's day ("Plus que 3 jours",
// "Dernier jour", "Nouvelle"), which the server never writes: a page
// changes only when what it shows changes, not every night. No framework; no markup of its own: results are the
// server's "carte" template, filled.
(() => {
  "use strict";
  const doc = document;
  const root = doc.documentElement;
  const tz = root.dataset.tz || "UTC";
  const base = root.dataset.base || "/";

  // Today in the board's time zone, as YYYY-MM-DD: an offer is open
  // through its deadline day there, whatever the reader's own zone.
  const dayFmt = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" });
  const today = () => dayFmt.format(new Date());
  // A month alone ("2025-07") counts as its first day, as on the server.
  const time = (d) => Date.parse((d.length === 7 ? d + "-01" : d) + "T00:00:00Z");
  const days = (a, b) => Math.round((time(b) - time(a)) / 864e5);
  const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  const weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
  // short and long are offer.Date's Short and Long.
  const short = (d) => {
    const [y, m, j] = d.split("-").map(Number);
    return (j ? (j === 1 ? "1er " : j + " ") : "") + months[m - 1] + " " + y;
  };
  const long = (d) => (d.length > 7 ? weekdays[new Date(time(d)).getUTCDay()] + " " : "") + short(d);
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  // Offers posted on one of the last NEW days (today included) are new.
  const NEW = 7;

  // The "due" line of a card on day t: d is the deadline, c the day an
  // offer without one is withdrawn, shut an offer the build closed. Where
  // no badge applies it is word for word the "due" define of _base.html,
  // which gives the deadline as a date; the badges are this script's alone.
  function due(d, c, t, shut) {
    const CLOSED = '<span class="badge closed">Candidatures closes</span>';
    if (!d) {
      if (shut || (c && c < t)) return [CLOSED, true];
      return ['<span class="badge">Date limite non précisée</span>' + (c ? " : offre retirée après le " + short(c) : ""), false];
    }
    const n = days(t, d);
    if (shut || n < 0) return [CLOSED + " (date limite : " + short(d) + ")", true];
    if (n === 0) return ['<span class="badge soon">Dernier jour</span> : candidatures jusqu’à ce soir, ' + short(d), false];
    if (n === 1) return ['<span class="badge soon">Clôture demain</span>, ' + short(d), false];
    if (n <= 7) return ['<span class="badge soon">Plus que ' + n + " jours</span> : jusqu’au " + short(d), false];
    return ['Candidatures jusqu’au <time datetime="' + d + '">' + short(d) + "</time>", false];
  }

  // The "Nouvelle" marker depends on the reader's day: the server never
  // writes it (a page does not change from one day to the next).
  function mark(li, t) {
    const p = li.dataset.posted;
    const n = p ? days(p, t) : -1;
    const old = li.querySelector(".badge.new");
    if (old) old.remove();
    if (n >= 0 && n < NEW) li.querySelector(".meta").insertAdjacentHTML("afterbegin", '<span class="badge new">Nouvelle</span> ');
  }

  // Cards and an offer's status: the server wrote them without the day;
  // add today's badges, and close what closed since the build.
  function refresh() {
    const t = today();
    doc.querySelectorAll("li.offer").forEach((li) => {
      const ds = li.dataset;
      if (ds.deadline || ds.closes) {
        const [html, closed] = due(ds.deadline, ds.closes, t, false);
        li.querySelector(".due").innerHTML = html;
        li.classList.toggle("closed", closed);
      }
      mark(li, t);
    });
    const st = doc.querySelector("p.status[data-deadline], p.status[data-closes]");
    if (!st) return;
    const { deadline: d, closes: c } = st.dataset;
    const [html, closed] = due(d, c, t, false);
    if (!closed) {
      st.innerHTML = html;
      return;
    }
    // As offer.html writes a closed offer's status.
    st.className = "status closed";
    st.setAttribute("role", "status");
    st.innerHTML = "<strong>Candidatures closes</strong> : " + (d ? "la date limite était le " + long(d) : "sans date limite précisée, l’offre a été retirée après le " + long(c)) + ". Cette offre est conservée pour mémoire.";
    const apply = doc.querySelector(".apply");
    if (apply) apply.hidden = true;
  }

  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[’']/g, " ").replace(/œ/g, "oe").replace(/æ/g, "ae");
  const split = (s) => (s ? s.split("|") : []);

  // The search index (recherche.json v2) is fetched when the reader first
  // uses a filter or types a search, never on page load. Entry 17, when
  // there, is the day an offer without a deadline is withdrawn (site's
  // Closes with AutoClose), for its "due" line.
  let index = null;
  function loadIndex() {
    if (!index) {
      index = fetch(base + "recherche.json").then((r) => r.json()).then((d) => {
        d.offers = d.offers.map((o) => {
          const emp = d.employers[o[2]];
          // The body words come folded from the build; fold the rest once
          // here, so that a keystroke only scans ready-made strings.
          return { slug: o[0], title: o[1], emp, loc: o[3], grades: split(o[4]), deadline: o[5], posted: o[6], closed: !!o[7],
            cats: split(o[9]), fils: split(o[10]), lieux: split(o[11]), gk: split(o[12]), ctrs: split(o[13]), contract: o[14], time: o[15], catl: split(o[16]), closes: o[17] || "",
            hay: fold([o[1], emp[0], o[3], o[4], o[10], o[14]].join(" ")) + " " + o[8] };
        });
        return d;
      });
    }
    return index;
  }

  // The facts line of a card, as the "card-facts" define writes it.
  function facts(o) {
    const g = o.grades;
    const parts = [];
    if (g.length) parts.push(g.slice(0, 2).join(", ") + (g.length > 2 ? " et " + (g.length - 2) + " autres" : ""));
    if (o.catl.length) parts.push("catégorie " + o.catl.join("/"));
    if (o.contract) parts.push(o.contract);
    if (o.time) parts.push(o.time);
    return parts.join(" · ");
  }

  // Which offers a select's values are: by facet (data-facet).
  const FACET = {
    employeurs: (o) => [o.emp[1]], lieux: (o) => o.lieux, grades: (o) => o.gk,
    categories: (o) => o.cats, filieres: (o) => o.fils, contrats: (o) => o.ctrs,
  };

  const finder = doc.getElementById("recherche");
  const scopeEl = doc.querySelector("[data-scope]");
  if (finder && scopeEl) setupFinder(finder, scopeEl);
  refresh();

  function setupFinder(form, scopeEl) {
    const f = form.elements;
    const list = scopeEl.querySelector("ul.offers, p.empty");
    const out = doc.createElement("div");
    const status = form.querySelector("[role=status]");
    const carte = doc.getElementById("carte").content.firstElementChild;
    const follow = doc.getElementById("suivre-recherche");
    const toggle = doc.querySelector("button.fold");
    const selects = [...form.querySelectorAll("select[data-facet]")];
    scopeEl.appendChild(out);
    form.hidden = toggle.hidden = false;
    let limit = 100;
    // Form fields are named as their URL parameters.
    const PARAMS = ["q", "employeur", "lieu", "grade", "categorie", "filiere", "contrat", "echeance", "tri"];
    const s = scopeEl.dataset;
    const dir = s.scope === "closed" ? -1 : 1; // closed offers: latest first

    // On small screens the finder folds behind one button (CSS reads
    // aria-expanded); it opens by itself when the URL asks for a search.
    const open = (yes) => toggle.setAttribute("aria-expanded", yes);
    toggle.addEventListener("click", () => open(toggle.getAttribute("aria-expanded") !== "true"));

    const inScope = (o, t) => {
      // Closed on the reader's day counts as closed, even if the board was
      // built before the deadline passed.
      const closed = o.closed || (o.deadline || o.closes || "9") < t;
      if (s.scope === "open" && closed) return false;
      if (s.scope === "closed" && !closed) return false;
      if (s.employer && o.emp[1] !== s.employer) return false;
      if (s.month && !(o.deadline || "").startsWith(s.month)) return false;
      if (s.facet && !FACET[s.facet](o).includes(s.value)) return false;
      return true;
    };

    // The offers of this page, sorted once per order and per day: a
    // keystroke filters an already sorted list and never sorts.
    let pool = null;
    function sorted(d, t, tri) {
      if (!pool || pool.t !== t) {
        pool = { t, all: d.offers.filter((o) => inScope(o, t)) };
        pruneAll(pool.all);
      }
      const key = tri === "publication" ? "posted" : "deadline";
      if (!pool[key]) {
        pool[key] = pool.all.slice().sort(key === "posted"
          ? (a, b) => cmp(b.posted || "", a.posted || "") || cmp(a.slug, b.slug)
          : (a, b) => dir * cmp(a.deadline || "9", b.deadline || "9") || cmp(a.slug, b.slug));
      }
      return pool[key];
    }

    // The selects come filled from facettes.json, the whole board's
    // values (on the open offers' page, those with an open offer); once
    // the index is there, a page of some offers keeps only their values.
    function prune(sel, has) {
      for (let i = sel.length - 1; i > 0; i--) if (!has.has(sel.options[i].value) && !sel.options[i].selected) sel.remove(i);
    }
    function pruneAll(offers) {
      for (const sel of selects) {
        const has = new Set();
        for (const o of offers) for (const v of FACET[sel.dataset.facet](o)) has.add(v);
        prune(sel, has);
      }
    }

    const facets = fetch(base + "facettes.json").then((r) => r.json()).then((d) => {
      for (const sel of selects) {
        const vals = (d[sel.dataset.facet] || []).filter((v) => s.scope !== "open" || v[2] > 0);
        // Options the server wrote (named in the templates) stay if the
        // board has them; the others come with their label.
        if (sel.length > 1) prune(sel, new Set(vals.map((v) => v[1])));
        else for (const [label, slug] of vals) sel.add(new Option(label, slug));
      }
    }, () => {});

    function state() {
      const st = {};
      for (const k of PARAMS) if (f[k] && f[k].value) st[k] = f[k].value;
      return st;
    }

    function readURL() {
      const p = new URLSearchParams(location.search);
      for (const k of PARAMS) if (f[k]) f[k].value = p.get(k) || "";
    }

    function writeURL(push) {
      const p = new URLSearchParams();
      const st = state();
      for (const k in st) p.set(k, st[k]);
      const url = location.pathname + (p.toString() ? "?" + p : "");
      if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
    }

    // "Suivre cette recherche": shown when the selection is one value of
    // one facet (the sort aside) on a page of the whole board, where that
    // facet's page, feed and calendar hold exactly the offers found.
    function showFollow(st) {
      const keys = Object.keys(st).filter((k) => k !== "tri");
      const sel = keys.length === 1 && f[keys[0]].dataset.facet && !s.employer && !s.month && !s.facet ? f[keys[0]] : null;
      follow.hidden = !sel;
      if (!sel) return;
      const slot = (n) => follow.querySelector(`[data-slot="${n}"]`);
      const page = base + sel.dataset.facet + "/" + encodeURIComponent(sel.value) + "/";
      // Subscriptions need absolute addresses: the board's, as the
      // canonical link gives it (base_url), like the server's webcal links.
      const abs = new URL(page, doc.querySelector("link[rel=canonical]").href).href;
      slot("facet").textContent = form.querySelector(`label[for="${sel.id}"]`).textContent;
      slot("value").textContent = sel.options[sel.selectedIndex].text;
      slot("feed").href = page + "feed.xml";
      slot("webcal").href = abs.replace(/^https?:/, "webcal:") + "echeances.ics";
      const ics = slot("ics");
      ics.href = page + "echeances.ics";
      // Set here: an <a> without href may not have a type.
      ics.type = "text/calendar";
      slot("page").href = page;
      slot("url").value = abs + "feed.xml";
    }

    function card(o, t) {
      const li = carte.cloneNode(true);
      const slot = (n) => li.querySelector(`[data-slot="${n}"]`);
      const a = slot("title");
      a.href = base + "offres/" + o.slug + "/";
      a.textContent = o.title;
      const e = slot("employer");
      e.href = base + "employeurs/" + o.emp[1] + "/";
      e.textContent = o.emp[0];
      slot("meta").textContent = (o.loc ? " · " + o.loc : "") + (o.posted ? " · publiée le " + short(o.posted) : "");
      const fx = facts(o);
      if (fx) slot("facts").textContent = fx;
      else slot("facts").remove();
      if (o.deadline) li.dataset.deadline = o.deadline;
      else if (o.closes) li.dataset.closes = o.closes;
      if (o.posted) li.dataset.posted = o.posted;
      const [html, closed] = due(o.deadline, o.closes, t, o.closed);
      slot("due").innerHTML = html;
      li.classList.toggle("closed", closed);
      mark(li, t);
      return li;
    }

    // The last answer: when the reader adds letters to the query and
    // nothing else changed, the new answer is among the last one.
    let last = null;
    async function apply() {
      let st = state();
      showFollow(st);
      if (!Object.keys(st).length) {
        last = null;
        out.textContent = "";
        if (list) list.hidden = false;
        status.textContent = "";
        return;
      }
      const d = await loadIndex();
      // Read the form after the wait: the reader may have gone on typing.
      st = state();
      if (!Object.keys(st).length) return apply();
      const t = today();
      const q = fold(st.q || "");
      const terms = q.split(/[^a-z0-9]+/).filter(Boolean);
      const key = [t, st.employeur, st.lieu, st.grade, st.categorie, st.filiere, st.contrat, st.echeance, st.tri].join("\n");
      const from = last && last.key === key && q.startsWith(last.q) ? last.res : sorted(d, t, st.tri);
      const res = [];
      for (const o of from) {
        if (st.employeur && o.emp[1] !== st.employeur) continue;
        if (st.lieu && !o.lieux.includes(st.lieu)) continue;
        if (st.grade && !o.gk.includes(st.grade)) continue;
        if (st.categorie && !o.cats.includes(st.categorie)) continue;
        if (st.filiere && !o.fils.includes(st.filiere)) continue;
        if (st.contrat && !o.ctrs.includes(st.contrat)) continue;
        if (st.echeance) {
          if (!o.deadline) continue;
          const n = days(t, o.deadline);
          if (n < 0 || (st.echeance === "7j" && n > 7) || (st.echeance === "mois" && o.deadline.slice(0, 7) !== t.slice(0, 7))) continue;
        }
        let ok = true;
        for (const w of terms) if (!o.hay.includes(w)) { ok = false; break; }
        if (ok) res.push(o);
      }
      last = { key, q, res };
      if (list) list.hidden = true;
      status.textContent = res.length === 0 ? "Aucune offre ne correspond." : res.length === 1 ? "1 offre correspond." : res.length + " offres correspondent.";
      const ul = doc.createElement("ul");
      ul.className = "offers results";
      for (const o of res.slice(0, limit)) ul.appendChild(card(o, t));
      out.replaceChildren(ul);
      if (res.length > limit) {
        out.insertAdjacentHTML("beforeend", '<p><button type="button" class="more">Afficher ' + Math.min(100, res.length - limit) + " offres de plus</button></p>");
      }
    }

    let timer = 0;
    form.addEventListener("input", (e) => {
      limit = 100;
      if (e.target.name === "q") {
        clearTimeout(timer);
        // The URL follows typing without filling the history.
        apply();
        timer = setTimeout(() => writeURL(false), 300);
      }
    });
    form.addEventListener("change", (e) => {
      limit = 100;
      if (e.target.name !== "q") { writeURL(true); apply(); }
    });
    form.addEventListener("submit", (e) => { e.preventDefault(); writeURL(true); apply(); });
    form.addEventListener("reset", () => setTimeout(() => { writeURL(true); apply(); }, 0));
    out.addEventListener("click", async (e) => {
      if (!e.target.classList.contains("more")) return;
      // Keep the keyboard where the reader was: on the first new offer.
      const n = limit;
      limit += 100;
      await apply();
      const a = out.querySelectorAll(".results > li > h2 > a")[n];
      if (a) a.focus();
    });
    window.addEventListener("popstate", () => { readURL(); apply(); });
    // The URL's filters are selected once facettes.json filled the options.
    readURL();
    if (location.search) open(true);
    facets.then(() => {
      readURL();
      if (Object.keys(state()).length) apply();
    });
  }
})();
