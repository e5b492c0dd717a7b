package main

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"sort"
	"strings"

	"postes/generator/content"
	"postes/generator/message"
)

// What serve adds to every page it serves, and build never writes: the
// problems of the board, where editors look.
//
//   - At the top of an offer's page, the problems of that offer's file,
//     each line as the terminal prints it, and « version précédente
//     affichée » when the file has an error and its last good version is
//     the one shown.
//   - Below it, on every page, a folded list of every problem of the
//     board, each linking to its offer's page.
//   - Before </body>, the script that reloads the page after each
//     rebuild and, when a rebuild cannot be published at all (config.toml
//     or a template is broken), shows why in an overlay.

// inject adds serve's panel and script to an HTML page served at path
// ("/offres/agent/", cleaned: "/offres/agent").
func (s *server) inject(page []byte, path string) []byte {
	s.mu.Lock()
	st := s.board
	s.mu.Unlock()
	lang := st.lang
	if lang == "" {
		lang = message.French
	}
	panel := []byte(st.panel(lang, pageOf(path)))
	script := []byte(reloadScript(lang))
	var out []byte
	if loc := reBody.FindIndex(page); loc != nil && len(panel) > 0 {
		out = make([]byte, 0, len(page)+len(panel)+len(script))
		out = append(out, page[:loc[1]]...)
		out = append(out, panel...)
		page = page[loc[1]:]
	} else {
		out = append(out, panel...)
	}
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		out = append(out, page[:i]...)
		out = append(out, script...)
		return append(out, page[i:]...)
	}
	out = append(out, page...)
	return append(out, script...)
}

// reBody finds the opening body tag, after which the panel goes.
var reBody = regexp.MustCompile(`(?i)<body[^>]*>`)

// pageOf is the page a served path is, as Result.Pages names pages:
// "/offres/agent" and "/offres/agent/index.html" are "offres/agent/".
func pageOf(path string) string {
	p := strings.TrimSuffix(strings.Trim(path, "/"), "/index.html")
	p = strings.TrimSuffix(p, "index.html")
	if p == "" {
		return ""
	}
	return strings.TrimSuffix(p, "/") + "/"
}

// panel is the HTML of the panel for the page page ("offres/agent/"), or
// "" when the board has no problem.
func (st boardState) panel(lang message.Lang, page string) string {
	if len(st.diags) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(panelStyle)
	b.WriteString(`<aside id="postes-panel" lang="` + string(lang) + `" aria-label="postes">`)
	// This page's own file(s): an offer page is one file's.
	var files []string
	for f, p := range st.pages {
		if p == page && page != "" {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	for _, f := range files {
		var mine content.List
		for _, d := range st.diags {
			if d.Pos.Path == f {
				mine = append(mine, d)
			}
		}
		if len(mine) == 0 {
			continue
		}
		b.WriteString(`<section id="postes-file" class="postes-file">`)
		b.WriteString(`<p class="postes-head"><strong>` + esc(say(lang, message.ServeThisFile, "file", content.QuoteName(f), "n", len(mine))) + `</strong>`)
		if st.stale[f] {
			b.WriteString(` <span class="postes-stale">` + esc(say(lang, message.ServePrevious)) + `</span>`)
		}
		b.WriteString(`</p><ul>`)
		for _, d := range mine {
			b.WriteString(`<li class="` + sevClass(d) + `">` + esc(diagLine(lang, d)) + `</li>`)
		}
		b.WriteString(`</ul></section>`)
	}
	errs, warns := st.diags.Count()
	open := ""
	if len(files) == 0 && errs > 0 {
		open = " open" // an error elsewhere: shown where the editor is
	}
	b.WriteString(`<details id="postes-board" class="postes-board"` + open + `><summary>` +
		esc(say(lang, message.ServeProblems, "errors", errs, "warnings", warns)) + `</summary><ul>`)
	for _, d := range st.diags {
		line := esc(diagLine(lang, d))
		if p, ok := st.pages[d.Pos.Path]; ok {
			line = `<a href="/` + esc(p) + `">` + line + `</a>`
		}
		if st.stale[d.Pos.Path] && d.Severity == content.Error {
			line += ` <span class="postes-stale">` + esc(say(lang, message.ServePrevious)) + `</span>`
		}
		b.WriteString(`<li class="` + sevClass(d) + `">` + line + `</li>`)
	}
	b.WriteString(`</ul></details></aside>`)
	return b.String()
}

func sevClass(d content.Diag) string {
	if d.Severity == content.Error {
		return "postes-error"
	}
	return "postes-warning"
}

func esc(s string) string { return html.EscapeString(s) }

// panelStyle keeps the panel legible whatever the theme: its rules are
// scoped to its id, and reset what a theme may set on aside, ul or a.
const panelStyle = `<style>` +
	`#postes-panel{all:initial;display:block;overflow-anchor:none;box-sizing:border-box;font:15px/1.45 system-ui,sans-serif;color:#1f1f1f;` +
	`background:#fff8e6;border-bottom:3px solid #a85d00;padding:.6rem 1rem .4rem}` +
	`#postes-panel *{box-sizing:border-box;font:inherit;color:inherit;margin:0;padding:0}` +
	`#postes-panel .postes-file{margin-bottom:.5rem}` +
	`#postes-panel .postes-head{margin:.1rem 0 .3rem}` +
	`#postes-panel strong{font-weight:700}` +
	`#postes-panel ul{list-style:none;margin:.25rem 0}` +
	`#postes-panel li{font:13.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere;` +
	`border-left:4px solid #a85d00;background:#fff;padding:.2rem .5rem;margin:.2rem 0}` +
	`#postes-panel li.postes-error{border-left-color:#b00020;background:#fdecee}` +
	`#postes-panel a{color:#0b4fb3;text-decoration:underline}` +
	`#postes-panel summary{cursor:pointer;font-weight:600;display:list-item}` +
	`#postes-panel .postes-stale{display:inline-block;background:#b00020;color:#fff;border-radius:3px;padding:0 .4rem;` +
	`font:600 12.5px/1.6 system-ui,sans-serif;white-space:nowrap}` +
	`</style>`

// reloadScript is injected by serve only, never written by build. It
// reloads the page after a rebuild and shows why a rebuild could not be
// published at all. After a reload the page is where the editor left it,
// unless its file has problems: then it opens at the top, on them (the
// browser's own restoring would keep the page where it was and the panel
// above the screen).
func reloadScript(lang message.Lang) string {
	head, _ := json.Marshal(say(lang, message.ServeRefused) + "\n\n")
	return `<script>(()=>{const s=new EventSource("` + eventsPath + `");` +
		`history.scrollRestoration="manual";const k="postes-y:"+location.pathname,y=sessionStorage.getItem(k);sessionStorage.removeItem(k);` +
		`if(y!==null&&!document.getElementById("postes-file"))scrollTo(0,+y);` +
		`s.addEventListener("reload",()=>{sessionStorage.setItem(k,String(scrollY));location.reload()});` +
		`s.addEventListener("problems",e=>{const p=JSON.parse(e.data);let d=document.getElementById("postes-problems");` +
		`if(!d){d=document.createElement("div");d.id="postes-problems";d.setAttribute("role","alert");` +
		`d.style.cssText="position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;background:#fff0f0;color:#5c0011;border-top:4px solid #b00020;padding:1rem;font:14px/1.5 monospace;white-space:pre-wrap;z-index:2147483647";` +
		`document.body.appendChild(d)}d.textContent=` + string(head) + `+p.join("\n")})})()</script>`
}
