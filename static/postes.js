// postes: search, filters and live deadline badges. Progressive
// enhancement only: every list is in the HTML, this script adds finding
// and keeps "closes in N days" true on the reader's day. No framework.
(() => {
  "use strict";
  const root = document.documentElement;
  const tz = root.dataset.tz || "UTC";
  const base = root.dataset.base || "/";

  // Today in the board's time zone, as YYYY-MM-DD: an offer is open
  // through its deadline day there, whatever the reader's own zone.
  const dayFmt = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" });
  const today = () => dayFmt.format(new Date());
  const days = (a, b) => Math.round((Date.parse(b + "T00:00:00Z") - Date.parse(a + "T00:00:00Z")) / 864e5);
  const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  const short = (d) => { const [y, m, j] = d.split("-").map(Number); return (j === 1 ? "1er" : j) + " " + months[m - 1] + " " + y; };
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

  function badge(d, t) {
    const n = days(t, d);
    if (n < 0) return ['<span class="badge closed">Candidatures closes</span> (date limite : ' + short(d) + ")", true];
    if (n === 0) return ['<span class="badge soon">Dernier jour</span> : candidatures jusqu’à ce soir, ' + short(d), false];
    if (n === 1) return ['<span class="badge soon">Clôture demain</span>, ' + short(d), false];
    if (n <= 7) return ['<span class="badge soon">Plus que ' + n + " jours</span> : jusqu’au " + short(d), false];
    return ['Candidatures jusqu’au <time datetime="' + d + '">' + short(d) + "</time>", false];
  }

  // Badges: the server wrote them for the build's day; rewrite them for today.
  function refreshBadges() {
    const t = today();
    document.querySelectorAll("[data-deadline]").forEach((el) => {
      const due = el.classList.contains("due") || el.classList.contains("status") ? el : el.querySelector(".due");
      if (!due) return;
      const [html, closed] = badge(el.dataset.deadline, t);
      if (due.classList.contains("status") && closed) {
        due.className = "status closed";
        due.innerHTML = "<strong>Candidatures closes</strong> : la date limite était le " + short(el.dataset.deadline) + ".";
        return;
      }
      due.innerHTML = html;
      el.classList.toggle("closed", closed);
    });
  }

  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[’']/g, " ").replace(/œ/g, "oe").replace(/æ/g, "ae");
  const norm = (s) => fold(s).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

  // The index is fetched when the reader first needs it (focus on the
  // search field, or a URL that asks for a search), never on page load.
  let index = null;
  function loadIndex() {
    if (!index) {
      index = fetch(base + "recherche.json").then((r) => r.json()).then((d) => {
        d.offers = d.offers.map((o) => {
          const emp = d.employers[o[2]];
          // The body words come folded from the build; fold the rest once
          // here, so that a keystroke only scans ready-made strings.
          const grades = o[4] ? o[4].split("|") : [];
          // Locations and grades are filtered whatever their case and
          // accents ("Attaché" and "attaché" are one grade).
          const towns = o[11] ? o[11].split("|") : [];
          return { slug: o[0], title: o[1], emp, loc: o[3], towns, tk: towns.map(norm), grades, gk: grades.map(norm), deadline: o[5], posted: o[6], closed: !!o[7],
            cats: o[16] ? o[16].split("|") : [], fils: o[10] ? o[10].split("|") : [],
            hay: fold([o[1], emp[0], o[3], o[4], o[10]].join(" ")) + " " + o[8] };
        });
        return d;
      });
    }
    return index;
  }

  const finder = document.querySelector("form.finder");
  const scopeEl = document.querySelector("[data-scope]");
  if (finder && scopeEl) setupFinder(finder, scopeEl);
  refreshBadges();

  function setupFinder(form, scopeEl) {
    const f = form.elements;
    const list = scopeEl.querySelector("ul.offers, p.empty");
    const out = document.createElement("div");
    const status = form.querySelector("[role=status]");
    scopeEl.appendChild(out);
    form.hidden = false;
    let limit = 100;
    // Form fields are named as their URL parameters.
    const PARAMS = ["q", "employeur", "lieu", "grade", "categorie", "filiere", "echeance", "tri"];
    const s = scopeEl.dataset;
    const dir = s.scope === "closed" ? -1 : 1; // closed offers: latest first

    const inScope = (o, t) => {
      // Closed on the reader's day counts as closed, even if the board was
      // built before the deadline passed.
      const closed = o.closed || (o.deadline && o.deadline < t);
      if (s.scope === "open" && closed) return false;
      if (s.scope === "closed" && !closed) return false;
      if (s.employer && o.emp[1] !== s.employer) return false;
      if (s.month && !(o.deadline || "").startsWith(s.month)) return false;
      return true;
    };

    // The offers of this page, sorted once per order and per day: a
    // keystroke filters an already sorted list and never sorts.
    let pool = null;
    function sorted(d, t, tri) {
      if (!pool || pool.t !== t) {
        pool = { t, all: d.offers.filter((o) => inScope(o, t)) };
      }
      const key = tri === "publication" ? "posted" : "deadline";
      if (!pool[key]) {
        pool[key] = pool.all.slice().sort(key === "posted"
          ? (a, b) => cmp(b.posted || "", a.posted || "") || cmp(a.slug, b.slug)
          : (a, b) => dir * cmp(a.deadline || "9", b.deadline || "9") || cmp(a.slug, b.slug));
      }
      return pool[key];
    }

    function fillSelect(sel, values) {
      const keep = sel.value;
      sel.length = 1;
      for (const [v, label] of values) sel.add(new Option(label, v));
      sel.value = keep;
    }

    let filled = false;
    async function ensureIndex() {
      const d = await loadIndex();
      if (!filled) {
        filled = true;
        const emps = new Map(), locs = new Map(), grades = new Map(), fils = new Map();
        for (const o of sorted(d, today(), "")) {
          emps.set(o.emp[1], o.emp[0]);
          o.tk.forEach((k, i) => { if (k && !locs.has(k)) locs.set(k, o.towns[i]); });
          o.gk.forEach((k, i) => { if (k && !grades.has(k)) grades.set(k, o.grades[i]); });
          o.fils.forEach((v) => fils.set(v, v));
        }
        const byLabel = (m) => [...m].map((e) => [e, fold(e[1])]).sort((a, b) => a[1].localeCompare(b[1])).map((e) => e[0]);
        if (f.employeur) fillSelect(f.employeur, byLabel(emps));
        fillSelect(f.lieu, byLabel(locs));
        fillSelect(f.grade, byLabel(grades));
        fillSelect(f.filiere, byLabel(fils));
        // The options exist now: select what the URL asks for.
        readURL(["employeur", "lieu", "grade", "filiere"]);
      }
      return d;
    }

    function state() {
      const st = {};
      for (const k of PARAMS) if (f[k] && f[k].value) st[k] = f[k].value;
      return st;
    }

    function readURL(keys) {
      const p = new URLSearchParams(location.search);
      for (const k of keys || PARAMS) if (f[k]) f[k].value = p.get(k) || "";
    }

    function writeURL(push) {
      const p = new URLSearchParams();
      const st = state();
      for (const k in st) p.set(k, st[k]);
      const url = location.pathname + (p.toString() ? "?" + p : "");
      if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
    }

    // The last answer: when the reader adds letters to the query and
    // nothing else changed, the new answer is among the last one.
    let last = null;
    async function apply() {
      if (!Object.keys(state()).length) {
        last = null;
        out.innerHTML = "";
        if (list) list.hidden = false;
        status.textContent = "";
        return;
      }
      const d = await ensureIndex();
      // Read the form after the wait: the URL's filters are selected once
      // the index has filled their options.
      const st = state();
      if (!Object.keys(st).length) return apply();
      const t = today();
      const q = fold(st.q || "");
      const terms = q.split(/[^a-z0-9]+/).filter(Boolean);
      const key = [t, st.employeur, st.lieu, st.grade, st.categorie, st.filiere, st.echeance, st.tri].join("\n");
      const from = last && last.key === key && q.startsWith(last.q) ? last.res : sorted(d, t, st.tri);
      const res = [];
      for (const o of from) {
        if (st.employeur && o.emp[1] !== st.employeur) continue;
        if (st.lieu && !o.tk.includes(st.lieu)) continue;
        if (st.grade && !o.gk.includes(st.grade)) continue;
        if (st.categorie && !o.cats.includes(st.categorie)) continue;
        if (st.filiere && !o.fils.includes(st.filiere)) continue;
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
      const shown = res.slice(0, limit);
      let html = '<ul class="offers results">';
      for (const o of shown) {
        html += '<li class="offer' + (o.closed ? " closed" : "") + '"' + (o.deadline ? ' data-deadline="' + o.deadline + '"' : "") + '><h2><a href="' + base + "offres/" + esc(o.slug) + '/">' + esc(o.title) + "</a></h2>" +
          '<p class="meta"><a href="' + base + "employeurs/" + esc(o.emp[1]) + '/">' + esc(o.emp[0]) + "</a>" + (o.loc ? " · " + esc(o.loc) : "") + (o.cats.length ? " · catégorie " + esc(o.cats.join("/")) : "") + "</p>" +
          '<p class="due">' + (o.deadline ? badge(o.deadline, t)[0] : '<span class="badge">Date limite non précisée</span>') + "</p></li>";
      }
      html += "</ul>";
      if (res.length > shown.length) html += '<p><button type="button" class="more">Afficher ' + Math.min(100, res.length - shown.length) + " offres de plus</button></p>";
      out.innerHTML = html;
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
    f.q.addEventListener("focus", ensureIndex, { once: true });
    window.addEventListener("popstate", () => { readURL(); apply(); });
    readURL(["q", "categorie", "echeance", "tri"]);
    if (location.search) ensureIndex().then(apply);
  }
})();
