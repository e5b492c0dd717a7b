package pipeline

// What a build tells editors, kept apart from the build itself: the
// language its messages are said in, the summary line, the checks that
// need the whole board or the configuration, and what serve needs to keep
// a broken file's last good version on screen.

import (
	"errors"
	"time"

	"postes/generator/content"
	"postes/generator/message"
	"postes/generator/offer"
	"postes/generator/render"
	"postes/generator/site"
)

// Summary is the line that ends every build, in the board's language:
// "3 offres publiées (2 ouvertes, 1 close), …, 1 avertissement en 12ms →
// public".
func (r *Result) Summary() string {
	errs, warns := r.Diags.Count()
	return message.New(message.Summary, "offers", r.Offers, "open", r.Open, "closed", r.Closed, "scheduled", r.Scheduled,
		"skipped", r.Skipped, "drafts", r.Drafts, "errors", errs, "warnings", warns,
		"time", r.Duration.Round(time.Millisecond).String(), "output", r.Output).In(r.Lang)
}

// limitText says why a description was refused (render.CheckBody).
func limitText(err error) message.Text {
	var le *render.LimitError
	if errors.As(err, &le) && !le.Text.IsZero() {
		return message.New(message.DescriptionLimit, "msg", le.Text)
	}
	return message.New(message.DescriptionLimit, "msg", err.Error())
}

// keepLastGood gives rf, just read from path, the offer of the file's
// last good version when it has none of its own (an error) and the
// Builder keeps broken files' last versions (serve).
func (b *Builder) keepLastGood(path string, rf *readFile) {
	if !b.opt.KeepLastGood || rf.o != nil {
		return
	}
	b.mu.Lock()
	prev := b.files[path]
	b.mu.Unlock()
	switch {
	case prev == nil:
	case prev.o != nil && !prev.o.Draft:
		rf.stale = prev.o
	default:
		rf.stale = prev.stale
	}
}

// pages maps each published offer's file ("content/a.txt") to its page
// ("offres/agent/"), so that serve shows a file's problems on its page.
func pages(board *site.Board) map[string]string {
	m := make(map[string]string, len(board.Offers))
	for _, p := range board.Offers {
		m["content/"+p.Source] = p.Path
	}
	return m
}

// applyDiags warns about open offers that give no way to apply: readers
// would find the offer and nowhere to send their application.
func applyDiags(board *site.Board) content.List {
	var l content.List
	for _, p := range board.Open {
		if !p.CanApply() {
			l.Say(content.Pos{Path: "content/" + p.Source, Line: p.Lines[offer.FieldTitle]}, content.Warning, message.NoWayToApply)
		}
	}
	return l
}

// buildDiags adds what only a build that publishes is told: a board
// without base_url gets feeds, canonical links and a sitemap pointing at
// the default address.
func (b *Builder) buildDiags(cfg Config, res *Result) {
	if b.opt.BaseURL == "" && !cfg.baseURLSet && !b.opt.InPlace {
		res.Diags.Say(content.Pos{Path: "config.toml"}, content.Warning, message.BaseURLMissing, "url", cfg.BaseURL)
	}
}

// OfferDefaults are the fields config.toml's [defaults] gives every offer, or
// nil.
func (c *Config) OfferDefaults() *offer.Defaults { return c.defaults }
