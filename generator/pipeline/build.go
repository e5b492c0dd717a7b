// Package pipeline runs the whole pipeline for one site: it reads config.toml,
// reads and extracts every offer in parallel, builds the board for the
// build's day, renders pages and feeds with a pool of workers, and hands
// each file to package publish, which swaps the board in atomically.
//
// It orchestrates: it decides what to build, where (refusing an output
// that would destroy the site or be read back as input), when (one build
// per output at a time) and whether (never an empty board over one with
// offers unless asked). Where the bytes go is publish's business. Only
// cmd/postes imports it.
package pipeline

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/cespare/xxhash/v2"

	"postes/generator/content"
	"postes/generator/message"
	"postes/generator/offer"
	"postes/generator/parallel"
	"postes/generator/publish"
	"postes/generator/render"
	"postes/generator/site"
)

// Version is postes's version. It is part of every page's key: a new
// version renders everything again.
const Version = "0.3.0"

// Options are the command line's choices; zero values mean "from config".
type Options struct {
	Source  string // site root: config.toml, content/, templates/, static/
	Output  string // overrides config's output (relative to the working folder)
	Now     string // YYYY-MM-DD: the build's today; default today in the board's zone
	BaseURL string // overrides config's base_url
	Strict  bool   // any warning or error publishes nothing
	// ErrorsAbort makes a file with an error publish nothing, instead of
	// being skipped.
	ErrorsAbort bool
	// KeepLastGood publishes, for a file that now has an error, the
	// offer its last good version made (Result.Stale names them): serve
	// keeps a broken offer on screen while every other change is
	// published.
	KeepLastGood bool
	Theme        fs.FS // the default theme (templates/, static/)
	Workers      int   // default GOMAXPROCS
	// InPlace says the output is private (serve's temporary folder): it
	// is updated file by file instead of swapped whole, so that a rebuild
	// after one edit costs what that edit changed; it takes no lock and
	// may become empty.
	InPlace bool
	// AllowEmpty publishes a board with no offer over one that has some;
	// without it such a build is refused (ErrEmpty): an emptied or
	// all-broken content/ is more often a mistake than the news.
	AllowEmpty bool
	// Wait is how long to wait for another build of the same output to
	// finish; 0 means DefaultWait, a negative value not at all.
	Wait time.Duration
}

// Result says what a build did.
type Result struct {
	Output  string
	Today   offer.Date
	Offers  int // published
	Open    int
	Closed  int
	Skipped int // files with errors
	Drafts  int
	// Scheduled offers are dated after today and not published yet.
	Scheduled int
	Diags     content.List
	// Written, Linked and Removed count the files of the output: written
	// (new, or with other content), kept from the last board, and of the
	// last board removed. Changes names the written and removed ones,
	// relative to the output, sorted (see publish.Output.Changes).
	Written  int
	Linked   int
	Removed  int
	Changes  []string
	Duration time.Duration
	// What editors are told (see editors.go): the language of the
	// board's messages, each published offer's page by file, the files
	// whose last good version is published, the drafts.
	Lang        message.Lang
	Pages       map[string]string
	Stale       []string
	DraftOffers []*offer.Offer
}

// Files is what the build did to the output's files, for the end of the
// summary line, in the board's language: "12 files written, 9550 reused,
// 3 removed".
func (r *Result) Files() string {
	return message.New(message.SummaryFiles, "written", r.Written, "linked", r.Linked, "removed", r.Removed).In(r.Lang)
}

// ErrStrict is returned when --strict (or ErrorsAbort) finds a problem
// and nothing was published.
var ErrStrict = errors.New("problems found, nothing published")

// ErrStopped is the error of a build told to stop (Builder.Stop): it
// published nothing.
var ErrStopped = errors.New("build stopped, nothing published")

// Builder builds one site again and again, reusing what did not change
// since its last build: files whose size and modification time are the
// same are not read again, and pages whose inputs are the same are not
// rendered again (see Output). A one-shot build is a Builder used once;
// serve keeps one for its whole session.
type Builder struct {
	opt   Options
	halt  atomic.Bool // Stop was called
	mu    sync.Mutex
	files map[string]*readFile // by path under content/

	loaded string // the offers cache this Builder started from
	dirty  bool   // files were read or deleted since it was written

	hint      map[string]bool // files changed since the last build, or nil
	hintAll   bool            // a Hint said anything may have changed: no hint holds
	listed    []content.File  // the last listing of content/
	listDiags content.List
	memo      *memo                    // per-offer pieces of the last build's outputs
	site      site.Memo                // per-offer derivations of the last board
	out       map[string]publish.Entry // what the last build wrote, where
	once      bool                     // built once: keep nothing for a next build
	// dropOver is the board size above which a one-shot build does not
	// keep offer bodies in memory but reads each file again for its page:
	// it costs about a third more time, and saves gigabytes at national
	// scale (see docs/performance.md).
	dropOver int
	drop     bool // this build drops bodies
	defs     folderDefaults
}

// keepBodiesUpTo is Run's dropOver.
const keepBodiesUpTo = 30000

// memo keeps per-offer pieces of the big files (offres.json, the search
// index) between builds of one Builder: after one edit only that offer's
// pieces are made again. Entries are keyed by the offer's key, which
// changes whenever anything they show changes.
type memo struct {
	mu     sync.Mutex
	json   map[uint64][]byte
	search map[uint64][]byte
}

func newMemo() *memo {
	return &memo{json: map[uint64][]byte{}, search: map[uint64][]byte{}}
}

// carry keeps the last build's pieces where this build did not need them
// (its file was reused whole), so the build after still finds them.
func (m *memo) carry(prev *memo) {
	if prev == nil {
		return
	}
	if len(m.json) == 0 {
		m.json = prev.json
	}
	if len(m.search) == 0 {
		m.search = prev.search
	}
}

// piece returns prev[key], or makes it, and records it in next. With no
// next (a one-shot build) nothing is kept in memory; its prev, if any,
// holds the pieces of the last board's files (pieces.go).
func piece(prev, next *memo, m func(*memo) map[uint64][]byte, key uint64, make func() ([]byte, error)) ([]byte, error) {
	var data []byte
	ok := false
	if prev != nil {
		prev.mu.Lock()
		data, ok = m(prev)[key]
		prev.mu.Unlock()
	}
	if !ok {
		var err error
		if data, err = make(); err != nil {
			return nil, err
		}
	}
	if next != nil {
		next.mu.Lock()
		m(next)[key] = data
		next.mu.Unlock()
	}
	return data, nil
}

type readFile struct {
	// stamp is the file's when it was read, at seen: the file is read
	// again when its stamp changes, or if it changed too close to seen
	// to tell (publish.Stamp.Settled).
	stamp publish.Stamp
	seen  time.Time
	o     *offer.Offer
	// stale is the offer of the file's last good version, published in
	// its place while it has an error (Options.KeepLastGood).
	stale *offer.Offer
	// gone: the file was deleted between the listing and the read.
	gone  bool
	diags content.List
	file  content.File
	// bodyless: the offer came from the offers cache, without its body;
	// a page that needs it reads the file again.
	bodyless bool
	// defHash identifies the defaults and the board's options the file
	// was read with (readKey): a changed _defaults.toml reads its folder's
	// offers again, a changed [places] or max_open_days every offer.
	defHash uint64
	// bodyAt is the byte offset of the body in the file when its text is
	// the file as it is (content.Source.Plain): the body is read again
	// from there without decoding the file. 0 when unknown.
	bodyAt int
}

// NewBuilder prepares a Builder; it reads nothing yet.
func NewBuilder(opt Options) *Builder {
	return &Builder{opt: opt, files: map[string]*readFile{}}
}

// config loads config.toml with the command line's overrides, after
// checking that the source is a site at all.
func (b *Builder) config() (Config, error) {
	opt := b.opt
	if err := siteContent(opt.Source); err != nil {
		return Config{}, err
	}
	cfg, err := LoadConfig(opt.Source)
	if err != nil {
		return cfg, err
	}
	if opt.BaseURL != "" {
		cfg.BaseURL = opt.BaseURL
		if err := cfg.check("--base-url", ""); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

// read extracts every offer of a site without writing anything. It is
// what Build and Check share. final is the resolved output folder, state
// the folder of what builds of it remember, where the offers cache lies;
// "" when there is none (check, serve).
func (b *Builder) read(cfg Config, final, state string) ([]*offer.Offer, *Result, error) {
	opt := b.opt
	start := time.Now()
	res := &Result{}
	if opt.Now != "" {
		t, err := time.Parse("2006-01-02", opt.Now)
		if err != nil {
			return nil, nil, fmt.Errorf("--now %q: expected a date as YYYY-MM-DD", opt.Now)
		}
		res.Today = offer.DateOf(t)
	} else {
		res.Today = offer.DateOf(time.Now().In(cfg.Location()))
	}
	files, diags, changed, err := b.list()
	if err != nil {
		return nil, nil, err
	}
	if b.loaded == "" && state != "" {
		b.loaded = filepath.Join(state, offersName)
		b.loadOffers(b.loaded, cfg.extractHash(), len(files))
	}
	res.Diags = append(content.List(nil), diags...)
	res.Skipped = len(diags)
	defs, defDiags := b.defaults(cfg, files)
	res.Diags = append(res.Diags, defDiags...)
	b.drop = b.once && len(files) > b.dropOver
	ext := cfg.extractHash()
	items := make([]*readFile, len(files))
	parallel.Do(len(files), opt.Workers, func(i int) {
		if b.halt.Load() {
			return
		}
		d := defs.of(files[i].Path)
		with := readKey(d, ext)
		if changed != nil && !changed[files[i].Path] {
			// A hint says only other files changed: no need to stat this one.
			b.mu.Lock()
			prev := b.files[files[i].Path]
			b.mu.Unlock()
			if prev != nil && prev.defHash == with {
				items[i] = prev
				return
			}
		}
		items[i] = b.readOne(files[i], offer.Options{Defaults: d, MaxOpenDays: cfg.MaxOpenDays, Near: cfg.Near(), Places: cfg.places, Grades: cfg.grades}, with)
	})
	if b.halt.Load() {
		return nil, nil, ErrStopped
	}
	b.mu.Lock()
	seen := make(map[string]*readFile, len(files))
	for i, f := range files {
		seen[f.Path] = items[i]
	}
	if len(seen) != len(b.files) {
		b.dirty = true // files were deleted
	}
	b.files = seen // forget deleted files
	b.mu.Unlock()
	var offers []*offer.Offer
	for _, it := range items {
		switch {
		case it.gone:
		case it.o == nil:
			res.Diags = append(res.Diags, it.diags...)
			res.Skipped++
			if it.stale != nil {
				offers = append(offers, it.stale)
				res.Stale = append(res.Stale, it.file.Path)
			}
		case it.o.Draft:
			// A draft is work in progress: what it lacks is said when
			// it is published, not before (a nightly --strict build
			// must not fail on it).
			res.Drafts++
			res.DraftOffers = append(res.DraftOffers, it.o)
		default:
			res.Diags = append(res.Diags, it.diags...)
			offers = append(offers, it.o)
		}
	}
	res.Duration = time.Since(start)
	return offers, res, nil
}

// Stop makes a build under way, and every later one, end as soon as it
// can, publishing nothing: serve, told to stop, must not go on writing a
// national board for half a minute.
func (b *Builder) Stop() { b.halt.Store(true) }

// Hint tells the next Build which files changed since the last one, as
// serve learns from the file system's notifications: Build then reads
// those and trusts what it read of the others, instead of listing the
// content folder and checking every file. nil means anything may have
// changed (a folder appeared, events were lost): Build looks at everything.
// Paths are those of the notifications, under the site root. Hints add
// up until a build reads the files: one that stopped before (config.toml
// broken) leaves them to the next, which would otherwise trust files
// edited or deleted meanwhile.
func (b *Builder) Hint(changed []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if changed == nil || b.hintAll {
		b.hint, b.hintAll = nil, true
		return
	}
	if b.hint == nil {
		b.hint = map[string]bool{}
	}
	root, err := filepath.Abs(b.opt.Source)
	if err != nil {
		b.hint, b.hintAll = nil, true
		return
	}
	for _, p := range changed {
		abs, err := filepath.Abs(p)
		if err != nil {
			b.hint, b.hintAll = nil, true
			return
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		b.hint[filepath.ToSlash(rel)] = true
	}
}

// list returns the content files, from the last listing patched with the
// hint when there is one (then changed names the files to read again), or
// from a new listing.
func (b *Builder) list() (files []content.File, diags content.List, changed map[string]bool, err error) {
	b.mu.Lock()
	hint, last, lastDiags := b.hint, b.listed, b.listDiags
	if b.hintAll {
		hint = nil
	}
	b.hint, b.hintAll = nil, false
	b.mu.Unlock()
	if hint != nil && last != nil {
		files = append([]content.File(nil), last...)
		patched := true
		for rel := range hint {
			if !strings.HasPrefix(rel, "content/") {
				continue // config, templates, static: no file to read
			}
			i := sort.Search(len(files), func(i int) bool { return files[i].Path >= rel })
			present := i < len(files) && files[i].Path == rel
			abs := filepath.Join(b.opt.Source, filepath.FromSlash(rel))
			st, err := os.Lstat(abs)
			switch {
			case err != nil:
				if present {
					files = append(files[:i], files[i+1:]...)
				}
			case !st.Mode().IsRegular():
				patched = false // a folder or a link: list everything again
			case !present && content.IsOffer(rel):
				files = append(files, content.File{})
				copy(files[i+1:], files[i:])
				files[i] = content.File{Path: rel, Abs: abs}
			}
		}
		if patched {
			// The patched listing is the listing now: the next hinted
			// build starts from it, not from the one before this hint
			// (which still named deleted files and lacked new ones).
			b.mu.Lock()
			b.listed = files
			b.mu.Unlock()
			return files, lastDiags, hint, nil
		}
	}
	found, diags, err := content.Find(filepath.Join(b.opt.Source, "content"))
	if err != nil {
		return nil, nil, nil, fmt.Errorf("content/: %w", err)
	}
	// Paths in messages are relative to the site root, so editors and
	// tools can open them: "content/offre.txt:12: …".
	for i := range found {
		found[i].Path = "content/" + found[i].Path
	}
	for i := range diags {
		diags[i].Pos.Path = "content/" + diags[i].Pos.Path
	}
	b.mu.Lock()
	b.listed, b.listDiags = found, diags
	b.mu.Unlock()
	return found, diags, nil, nil
}

// readOne reads and extracts one file, or returns what the last build read
// when the file's stamp has not changed since, and had settled when it
// was taken: a same-size edit within one clock tick of the read, or a file
// restored with its old time (cp -p, tar x, rsync -a), is read again. A
// change of the defaults or options it was read with (with, readKey)
// reads it again too.
func (b *Builder) readOne(f content.File, opt offer.Options, with uint64) *readFile {
	seen := time.Now()
	st, err := os.Stat(f.Abs)
	if err == nil {
		b.mu.Lock()
		prev := b.files[f.Path]
		b.mu.Unlock()
		if prev != nil && prev.file.Abs == f.Abs && prev.stamp == publish.StampOf(st) && prev.stamp.Settled(prev.seen) && prev.defHash == with {
			return prev
		}
	}
	rf := &readFile{file: f, seen: seen, defHash: with}
	if st != nil {
		rf.stamp = publish.StampOf(st)
	} else if errors.Is(err, fs.ErrNotExist) {
		rf.gone = true // deleted since it was listed: the next listing forgets it
		return rf
	}
	defer b.keepLastGood(f.Path, rf)
	b.mu.Lock()
	b.dirty = true
	b.mu.Unlock()
	src, d := content.ReadFile(f)
	rf.diags = d
	if src == nil {
		return rf
	}
	o, d2 := offer.ExtractWith(src, opt)
	rf.diags = append(rf.diags, d2...)
	if o != nil {
		// A body beyond render's limits would take minutes or make a page
		// of gigabytes: refuse the file now, name it, build the rest.
		if err := render.CheckBody(o.Body); err != nil {
			rf.diags.SayText(content.Pos{Path: f.Path, Line: o.BodyLine}, content.Error, limitText(err))
			o = nil
		}
	}
	if o != nil {
		o.Source = strings.TrimPrefix(o.Source, "content/")
		o.Hash = textHash(src.Lines)
		if src.Plain && o.BodyLine > 1 {
			for _, l := range src.Lines[:o.BodyLine-1] {
				rf.bodyAt += len(l) + 1
			}
		}
		if b.drop {
			// Bodies are the bulk of a large board's memory: the page
			// reads its file again (see body).
			o.Body = ""
		}
	}
	rf.o = o
	return rf
}

// readKey identifies what a file is read with besides its text: its
// folder's defaults and the board's extraction options (ext).
func readKey(d *offer.Defaults, ext uint64) uint64 {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], d.Hash())
	binary.LittleEndian.PutUint64(b[8:], ext)
	return xxhash.Sum64(b[:])
}

// textHash identifies a file's decoded text (lines joined by newlines)
// without building the joined string.
func textHash(lines []string) uint64 {
	h := xxhash.New()
	for i, l := range lines {
		if i > 0 {
			_, _ = h.WriteString("\n")
		}
		_, _ = h.WriteString(l)
	}
	return h.Sum64()
}

// body returns an offer's Markdown body, reading its file again when the
// build did not keep it.
func (b *Builder) body(o *offer.Offer) (string, error) {
	if o.Body != "" {
		return o.Body, nil
	}
	b.mu.Lock()
	rf := b.files["content/"+o.Source]
	b.mu.Unlock()
	if rf == nil || (rf.o != o && rf.stale != o) {
		return "", fmt.Errorf("content/%s: no longer read", o.Source)
	}
	if !b.drop && !rf.bodyless {
		return "", nil // an offer with no description
	}
	if rf.bodyAt > 0 {
		// The file was plain text: its bytes are its lines. Same bytes,
		// same body, read from where it starts.
		raw, err := content.ReadBytes(rf.file)
		if err != nil {
			return "", fmt.Errorf("content/%s: %w", o.Source, err)
		}
		text := strings.TrimSuffix(unsafe.String(unsafe.SliceData(raw), len(raw)), "\n")
		if xxhash.Sum64String(text) != o.Hash || rf.bodyAt > len(text) {
			return "", fmt.Errorf("content/%s changed during the build; build again", o.Source)
		}
		return offer.BodyAt(strings.Split(text[rf.bodyAt:], "\n"), o.Layout, 1), nil
	}
	src, diags := content.ReadFile(rf.file)
	if src == nil {
		return "", diags.Err()
	}
	if textHash(src.Lines) != o.Hash {
		return "", fmt.Errorf("content/%s changed during the build; build again", o.Source)
	}
	if o.BodyLine > 0 {
		return offer.BodyAt(src.Lines, o.Layout, o.BodyLine), nil
	}
	again, _ := offer.ExtractWith(src, offer.Options{Defaults: b.defsOf(o.Source)})
	if again == nil {
		return "", fmt.Errorf("content/%s: cannot be read again", o.Source)
	}
	return again.Body, nil
}

// Check reads every offer and builds the board in memory, publishing
// nothing: every problem a build would meet, including those between files
// (a reference or an address used twice), is in Result.Diags.
func Check(opt Options) (*Result, *site.Board, error) {
	b := NewBuilder(opt)
	cfg, err := b.config()
	if err != nil {
		return nil, nil, err
	}
	res, board, err := b.check(cfg, "", "")
	return res, board, err
}

func (b *Builder) check(cfg Config, final, state string) (*Result, *site.Board, error) {
	offers, res, err := b.read(cfg, final, state)
	if err != nil {
		return nil, nil, err
	}
	board, diags := site.New(offers, site.Options{BaseURL: cfg.BaseURL, Today: res.Today, Aliases: cfg.Aliases, MaxOpenDays: cfg.MaxOpenDays, Memo: &b.site})
	res.Diags = append(res.Diags, diags...)
	res.Diags = append(res.Diags, applyDiags(board)...)
	res.Diags.Sort()
	res.Lang, res.Pages = message.LangOf(cfg.Language), pages(board)
	res.Offers, res.Open, res.Closed = len(board.Offers), len(board.Open), len(board.Closed)
	res.Scheduled = len(board.Scheduled)
	return res, board, nil
}

// Run builds the site once. It returns an error when nothing was
// published; a build that skipped bad files still publishes the rest and
// reports them in Result.Diags.
func Run(opt Options) (*Result, error) {
	b := NewBuilder(opt)
	b.once, b.dropOver = true, keepBodiesUpTo
	return b.Build()
}

// Build builds the site. See Run.
func (b *Builder) Build() (*Result, error) {
	opt := b.opt
	start := time.Now()
	cfg, err := b.config()
	if err != nil {
		return nil, err
	}
	outDir := b.outputPath(cfg)
	final, err := publish.Resolve(outDir)
	if err != nil {
		return nil, err
	}
	if err := guardOutput(opt.Source, final); err != nil {
		return nil, err
	}
	if !opt.InPlace {
		wait := opt.Wait
		if wait == 0 {
			wait = DefaultWait
		}
		lock, err := publish.Acquire(final, max(wait, 0))
		if err != nil {
			return nil, err
		}
		defer lock.Release()
	}
	// What builds of this output remember lives in the site, never in
	// or beside the output; serve's private output remembers nothing.
	var state string
	var also []string
	if !opt.InPlace {
		state, also = stateDir(opt.Source, final)
		if state != "" {
			pruneStates(state)
		}
		removeLegacyOffers(final)
	}
	res, board, err := b.check(cfg, final, state)
	if err != nil {
		return nil, err
	}
	res.Output = outDir
	b.buildDiags(cfg, res)
	if (opt.Strict && len(res.Diags) > 0) || (opt.ErrorsAbort && res.Diags.HasErrors()) {
		res.Duration = time.Since(start)
		return res, ErrStrict
	}
	if b.once && b.dirty && b.loaded != "" {
		// The offers as read do not depend on what is rendered: the
		// cache is written while pages are, a tenth of a nightly build
		// saved. A cache, whatever becomes of the build: a failure only
		// makes the next build slower.
		var saved sync.WaitGroup
		saved.Add(1)
		go func() {
			defer saved.Done()
			b.saveOffers(b.loaded, cfg.extractHash())
		}()
		defer saved.Wait()
	}
	th, err := loadTheme(opt.Theme, opt.Source)
	if err != nil {
		return res, err
	}
	res.Diags = append(res.Diags, th.diags...)
	res.Diags.Sort()
	info := &render.Site{Title: cfg.Title, Description: cfg.Description, Language: cfg.Language, TimeZone: cfg.TimeZone, ZoneName: render.ZoneName(cfg.TimeZone),
		Locale: ogLocale(cfg.Language, cfg.Country)}
	r, err := render.New(th.fs, info, board)
	if err != nil {
		return res, fmt.Errorf("templates: %w", err)
	}
	// serve's private output is served by serve itself, uncompressed:
	// no twins there.
	out, err := publish.Open(final, publish.Options{Private: opt.InPlace, Last: b.out, State: state, Also: also, Precompress: cfg.Precompress && !opt.InPlace})
	if err != nil {
		return res, err
	}
	if len(board.Offers) == 0 && !opt.AllowEmpty && !opt.InPlace && out.Holds("offres") {
		out.Abort()
		res.Diags = append(res.Diags, warnings(out)...)
		return res, emptyBoard(res, final)
	}
	w := &writer{halt: &b.halt, out: out, r: r, board: board, cfg: &cfg, info: info, theme: th.fs, workers: opt.Workers,
		common: commonKey(&cfg, th.hash), prev: b.memo, body: b.body, with: b.readKeys()}
	if th.custom {
		w.reach = boardKey(board, w.with)
	}
	if w.prev == nil && state != "" {
		w.pieces = loadPieces(state, w.common)
	}
	if !b.once {
		w.next = newMemo()
	}
	fail := func(err error) (*Result, error) {
		out.Abort()
		res.Diags = append(res.Diags, warnings(out)...)
		if out.Touched() {
			b.out = nil // files changed in place: trust nothing kept
		}
		return res, err
	}
	err = w.all()
	res.Diags = append(res.Diags, w.diags...)
	if err != nil {
		return fail(err)
	}
	if opt.Strict && len(w.diags) > 0 {
		// Found while listing the files (a file of static/ where the
		// board has a page): --strict publishes nothing either.
		res.Diags.Sort()
		return fail(ErrStrict)
	}
	if b.halt.Load() {
		return fail(ErrStopped)
	}
	if err := out.Commit(); err != nil {
		return fail(err)
	}
	res.Diags = append(res.Diags, warnings(out)...)
	if w.next != nil {
		w.next.carry(b.memo)
		b.memo = w.next
	}
	if opt.InPlace {
		b.out = out.Files() // serve's output changes only through this Builder
	}
	if state != "" {
		savePieces(state, out, w) // a cache too
	}
	res.Written, res.Linked = out.Stats()
	written, removed := out.Changes()
	res.Removed = len(removed)
	res.Changes = append(written, removed...)
	sort.Strings(res.Changes)
	res.Duration = time.Since(start)
	return res, nil
}
