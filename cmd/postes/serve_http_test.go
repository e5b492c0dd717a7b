package main

import (
	"bufio"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// serveSite is a one-offer site for the HTTP tests.
func serveSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeOffer(t, filepath.Join(root, "content", "accueil.txt"), "Premièreville", true)
	return root
}

// rawGet sends one request on conn as written, the request line
// included, and reads the response.
func rawGet(t *testing.T, conn net.Conn, r *bufio.Reader, target, host string) *http.Response {
	t.Helper()
	if _, err := conn.Write([]byte("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = drain(resp)
	return resp
}

func drain(resp *http.Response) (int64, error) {
	defer resp.Body.Close()
	var n int64
	buf := make([]byte, 32<<10)
	for {
		m, err := resp.Body.Read(buf)
		n += int64(m)
		if err != nil {
			return n, nil
		}
	}
}

func TestServeAnswersOnlyLoopbackNames(t *testing.T) {
	s := startServeQuiet(t, serveSite(t), serveConfig{})
	_, port, _ := net.SplitHostPort(s.srv.addr)
	for _, tc := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"LOCALHOST:" + port, 200},
		{"[::1]:" + port, 200},
		{"evil.example:" + port, http.StatusMisdirectedRequest},
		{"evil.example", http.StatusMisdirectedRequest},
		{"127.0.0.1:1", http.StatusMisdirectedRequest},
		{"localhost.evil.example:" + port, http.StatusMisdirectedRequest},
	} {
		for _, p := range []string{"/", eventsPath} {
			req, _ := http.NewRequest("GET", s.base+p, nil)
			req.Host = tc.host
			if p == eventsPath && tc.want == 200 {
				continue // a stream: its status is seen in TestServeEventStreamOutlivesTimeouts
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("Host %q, %s: status %d, want %d", tc.host, p, resp.StatusCode, tc.want)
			}
		}
	}
}

func TestAllowedHosts(t *testing.T) {
	for _, tc := range []struct {
		addr   string
		host   string
		answer bool
	}{
		{"127.0.0.1:1313", "localhost:1313", true},
		{"127.0.0.1:1313", "127.0.0.1:1313", true},
		{"127.0.0.1:1313", "[::1]:1313", true},
		{"127.0.0.1:1313", "localhost", false},
		{"127.0.0.1:80", "localhost", true},
		{"[::1]:1313", "localhost:1313", true},
		{"127.0.0.1:1313", "example.org:1313", false},
		{"0.0.0.0:1313", "example.org:1313", true}, // bound to every interface: its names are unknown
		{"192.0.2.10:1313", "emplois.example:1313", true},
	} {
		ta, err := net.ResolveTCPAddr("tcp", tc.addr)
		if err != nil {
			t.Fatal(err)
		}
		hosts := allowedHosts(ta)
		if got := hosts == nil || hosts[tc.host]; got != tc.answer {
			t.Errorf("bound to %s, Host %q answered %v, want %v", tc.addr, tc.host, got, tc.answer)
		}
	}
}

// TestServeRedirectsStayOnSite: the redirect that adds a folder's slash
// names a path on this server, whatever the path asked.
func TestServeRedirectsStayOnSite(t *testing.T) {
	s := startServeQuiet(t, serveSite(t), serveConfig{})
	for _, tc := range []struct{ target, want string }{
		{"/offres", "/offres/"},
		{"/offres?x=1", "/offres/?x=1"},
		{"//evil.example/..%2foffres", "/offres/"},
		{"//evil.example/../offres", "/offres/"},
		{"/%2f%2fevil.example/..%2f..%2foffres", "/offres/"},
		{"/offres/agent-d-accueil", "/offres/agent-d-accueil/"},
	} {
		conn, err := net.Dial("tcp", s.srv.addr)
		if err != nil {
			t.Fatal(err)
		}
		resp := rawGet(t, conn, bufio.NewReader(conn), tc.target, s.srv.addr)
		conn.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusMovedPermanently || loc != tc.want {
			t.Errorf("GET %s: %d to %q, want 301 to %q", tc.target, resp.StatusCode, loc, tc.want)
		}
	}
}

// TestServeClosesIdleConnections: a keep-alive connection left idle is
// closed; 20,000 of them once exhausted the process's files.
func TestServeClosesIdleConnections(t *testing.T) {
	s := startServeQuiet(t, serveSite(t), serveConfig{idleTimeout: 200 * time.Millisecond})
	conn, err := net.Dial("tcp", s.srv.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	r := bufio.NewReader(conn)
	if resp := rawGet(t, conn, r, "/", s.srv.addr); resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := r.ReadByte(); err == nil || isTimeout(err) {
		t.Errorf("an idle keep-alive connection was not closed: %v", err)
	}
}

// TestServeCapsConnections: past the cap, a connection waits until
// another closes.
func TestServeCapsConnections(t *testing.T) {
	s := startServeQuiet(t, serveSite(t), serveConfig{maxConns: 2})
	var held []net.Conn
	for range 2 {
		c, err := net.Dial("tcp", s.srv.addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		rawGet(t, c, bufio.NewReader(c), "/", s.srv.addr)
		held = append(held, c)
	}
	third, err := net.Dial("tcp", s.srv.addr) // the system accepts it into its queue
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if _, err := third.Write([]byte("GET / HTTP/1.1\r\nHost: " + s.srv.addr + "\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(third)
	_ = third.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	if _, err := r.Peek(1); !isTimeout(err) {
		t.Fatalf("a third connection was answered past a cap of two: %v", err)
	}
	held[0].Close()
	_ = third.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatalf("the waiting connection was not answered once another closed: %v", err)
	}
	resp.Body.Close()
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// TestServeEventStreamOutlivesTimeouts: the read and write timeouts of
// requests do not cut the event stream of an open page.
func TestServeEventStreamOutlivesTimeouts(t *testing.T) {
	root := serveSite(t)
	s := startServe(t, root, serveConfig{readTimeout: 200 * time.Millisecond, writeTimeout: 200 * time.Millisecond, idleTimeout: 200 * time.Millisecond})
	time.Sleep(600 * time.Millisecond)
	writeOffer(t, filepath.Join(root, "content", "accueil.txt"), "Deuxièmeville", true)
	s.wait("reload")
	if _, body := s.get("/offres/agent-d-accueil/"); !strings.Contains(body, "Deuxièmeville") {
		t.Errorf("the edit is not served")
	}
}

// TestServeAnswersOnlyFiles: a named pipe in the output (no build makes
// one) is not opened, which would block the request.
func TestServeAnswersOnlyFiles(t *testing.T) {
	s := startServeQuiet(t, serveSite(t), serveConfig{})
	if err := syscall.Mkfifo(filepath.Join(s.srv.opt.Output, "pipe.css"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(s.base + "/pipe.css")
	if err != nil {
		t.Fatalf("a named pipe blocked the request: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("status %d, want 404", resp.StatusCode)
	}
}
