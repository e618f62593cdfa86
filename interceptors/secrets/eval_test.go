package secrets

import (
	"context"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

// The detection rates of the scanner, per category, against targets:
// recall on gitleaks' own true-positive samples and on context cases
// (secrets named by their JSON member or KEY=value, URLs with credentials,
// keys of an unusual length, zero-width characters inside tokens), and
// false positives on benign look-alikes. Run with -v to see the table:
//
//	go test -run TestDetectionRates -v ./interceptors/secrets/

const (
	targetRecall = 0.98
	targetFP     = 0 // benign values redacted
)

func TestDetectionRates(t *testing.T) {
	s := newScanner(t, Policy{Requests: interceptors.ActionRedact})
	type rate struct {
		name       string
		hit, total int
		misses     []string
	}
	var recall, fp []*rate

	// gitleaks' true positives, rebuilt from its rule sources.
	samples, skipped := gitleaksSamples(t)
	g := &rate{name: "gitleaks true positives (" + strconv.Itoa(len(samples)) + " rules)"}
	rules := make([]string, 0, len(samples))
	for id := range samples {
		rules = append(rules, id)
	}
	sort.Strings(rules)
	for _, id := range rules {
		for _, tp := range samples[id] {
			g.total++
			if len(s.Find(tp)) > 0 {
				g.hit++
			} else {
				g.misses = append(g.misses, id+": "+tp)
			}
		}
	}
	recall = append(recall, g)

	for _, c := range contextCases() {
		r := &rate{name: c.name}
		for _, body := range c.bodies {
			r.total++
			if redactedAll(t, s, body.msg, body.secret) {
				r.hit++
			} else {
				r.misses = append(r.misses, body.msg)
			}
		}
		recall = append(recall, r)
	}
	for _, c := range benignCases() {
		r := &rate{name: c.name}
		for _, body := range c.msgs {
			r.total++
			x := run(t, s, interceptors.ToClient, body)
			if len(x.Findings) > 0 {
				r.hit++
				r.misses = append(r.misses, fmt.Sprintf("%s: %+v", body, x.Findings))
			}
		}
		fp = append(fp, r)
	}

	t.Logf("%-58s %8s", "category (recall, target ≥ 98%)", "rate")
	for _, r := range recall {
		t.Logf("%-58s %7.1f%% (%d/%d)", r.name, 100*float64(r.hit)/float64(r.total), r.hit, r.total)
		if len(r.misses) > 0 && testing.Verbose() {
			t.Logf("  missed: %s", strings.Join(first(r.misses, 5), "\n  missed: "))
		}
		if r.total == 0 || float64(r.hit) < targetRecall*float64(r.total) {
			t.Errorf("%s: recall %d/%d below %.0f%%; missed:\n  %s", r.name, r.hit, r.total, 100*targetRecall, strings.Join(first(r.misses, 20), "\n  "))
		}
	}
	t.Logf("gitleaks samples not rebuilt (expressions the test cannot evaluate): %d", skipped)
	t.Logf("%-58s %8s", "category (benign values redacted, target 0)", "rate")
	for _, r := range fp {
		t.Logf("%-58s %7.1f%% (%d/%d)", r.name, 100*float64(r.hit)/float64(r.total), r.hit, r.total)
		if r.hit > targetFP {
			t.Errorf("%s: %d false positive(s):\n  %s", r.name, r.hit, strings.Join(first(r.misses, 20), "\n  "))
		}
	}
}

func first(s []string, n int) []string { return s[:min(n, len(s))] }

// redactedAll runs body (a message to the client, or a tools/call when
// it has a method) with redaction on and reports whether the result is
// valid JSON that no longer holds secret (nor any fragment of it of eight
// characters or more).
func redactedAll(t *testing.T, s *Scanner, body, secret string) bool {
	dir := interceptors.ToClient
	if strings.Contains(body, `"method"`) {
		dir = interceptors.ToServer
	}
	m := parse(t, body)
	x := &interceptors.Exchange{Direction: dir, Message: m}
	if err := s.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	if x.Action != interceptors.Modify {
		return false
	}
	out := string(x.Message.Marshal())
	parse(t, out) // valid JSON-RPC still
	plain := stripAllInvisible(secret)
	for i := 0; i+8 <= len(plain); i += 4 {
		if strings.Contains(stripAllInvisible(unescapeAll(out)), plain[i:i+8]) {
			return false
		}
	}
	return true
}

func unescapeAll(s string) string {
	for range 3 {
		s = strings.NewReplacer(`\\`, `\`, `\"`, `"`, `\/`, `/`).Replace(s)
	}
	return s
}

func stripAllInvisible(s string) string {
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
}

type bodyCase struct{ msg, secret string }

type category struct {
	name   string
	bodies []bodyCase
}

type benign struct {
	name string
	msgs []string
}

func result(structured string) string {
	return `{"jsonrpc":"2.0","id":1,"result":{"content":[],"structuredContent":` + structured + `}}`
}

func textResult(text string) string {
	return `{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":` + quote(text) + `}]}}`
}

// contextCases are credentials whose exact shape no gitleaks rule knows.
func contextCases() []category {
	pw := []string{"Winter2025!", "hunter2hunter2", "P@ssw0rd#42", "correct-Horse-7", "s3cr3t_Value_99", "Zx81spectrum", "tr0ub4dor&3", "qwerty!234"}
	names := []string{"password", "passwd", "PASSWORD", "db_password", "dbPassword", "secret", "client_secret", "clientSecret",
		"api_key", "apiKey", "API-KEY", "access_key", "private_key", "token", "authToken", "auth", "credential", "credentials", "x-api-key", "Authorization"}
	var member, args, inText, kv []bodyCase
	for i, n := range names {
		v := pw[i%len(pw)]
		member = append(member, bodyCase{result(`{"db":{"host":"db1",` + quote(n) + `:` + quote(v) + `}}`), v})
		args = append(args, bodyCase{toolsCall(`{"server":"db1",` + quote(n) + `:` + quote(v) + `}`), v})
		doc := `{"config":{` + quote(n) + `: ` + quote(v) + `,"port":5432}}`
		inText = append(inText, bodyCase{textResult(doc), v})
		inText = append(inText, bodyCase{textResult(quote(doc)), v}) // JSON text inside a JSON string inside text
	}
	for i, form := range []string{"DB_PASSWORD=%s", "export API_KEY=%s", "password: %s", "client_secret = \"%s\"", "token => '%s'",
		"SECRET_KEY := \"%s\"", "https://api.example.com/v1?access_token=%s&page=2", "Authorization: Bearer %s",
		"smtp.pass=%s", "  auth_token: '%s'", "$config['db_password'] = '%s';", "--set admin.password=%s", "private_key ?= \"%s\"",
		"x-api-key: %s", "<add key=\"ClientSecret\" value=\"%s\" />", "GITHUB_TOKEN=%s npm publish",
		`{"env":[{"name":"DB_PASSWORD","value":"%s"}]}`, "- name: API_TOKEN\n  value: \"%s\""} {
		for j := range 3 {
			v := pw[(i+j)%len(pw)]
			kv = append(kv, bodyCase{textResult("config:\n" + fmt.Sprintf(form, v) + "\nregion: eu-west-1"), v})
		}
	}
	var urls []bodyCase
	for i, scheme := range []string{"postgres", "postgresql", "mysql", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps", "https", "http", "ftp", "sftp", "smtp", "ldap", "jdbc:postgresql"} {
		v := pw[i%len(pw)]
		// The password as a URL carries it: percent-encoded where needed.
		v = url.UserPassword("admin", v).String()[len("admin:"):]
		u := scheme + "://admin:" + v + "@db.internal.example.com:5432/app"
		urls = append(urls, bodyCase{textResult("connect with " + u + " then"), v})
		urls = append(urls, bodyCase{result(`{"dsn":` + quote(u) + `}`), v})
	}
	urls = append(urls, bodyCase{textResult("REDIS_URL=redis://:" + pw[0] + "@cache:6379/0"), pw[0]})
	r := rand.New(rand.NewPCG(7, 7))
	gen := func(alphabet string, n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(b)
	}
	var vendor []bodyCase
	for _, delta := range []int{-4, -2, -1, 1, 2, 4} {
		for _, v := range []string{
			"gh" + "p_" + gen(alnum, 36+delta),
			"gh" + "s_" + gen(alnum, 36+delta),
			"github" + "_pat_" + gen(alnum+"_", 82+delta),
			"xo" + "xb-" + gen(digits, 11) + "-" + gen(digits, 12) + "-" + gen(alnum, 24+delta),
			"sk-" + "proj-" + gen(alnum+"_-", 48+delta) + "1a",
			"AK" + "IA" + gen(upper32, 15+delta) + "7",
			"AI" + "za" + gen(alnum+"_-", 35+delta),
			"gl" + "pat-" + gen(alnum+"_-", 20+delta),
		} {
			vendor = append(vendor, bodyCase{textResult("using " + v + " for the call"), v})
			vendor = append(vendor, bodyCase{result(`{"note":` + quote("key="+v) + `}`), v})
		}
	}
	var zw []bodyCase
	for i, v := range []string{githubPAT(), awsKeyID(), slackBot(), stripeLive(), openAIStyle()} {
		for j, inv := range []string{"\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u202e", "\u2066"} {
			k := 4 + (i+j)%8
			split := v[:k] + inv + v[k:]
			zw = append(zw, bodyCase{textResult("token " + split + " end"), split})
			zw = append(zw, bodyCase{toolsCall(`{"value":` + quote(split) + `}`), split})
		}
	}
	return []category{
		{"member named as a secret: structuredContent", member},
		{"member named as a secret: tool arguments", args},
		{"member named as a secret: JSON text in content[].text", inText},
		{"KEY=value / key: value in text", kv},
		{"URL with user:password@ (16 schemes)", urls},
		{"vendor prefix, length off by 1-4", vendor},
		{"invisible character inside a token", zw},
	}
}

// benignCases look like secrets and are not.
func benignCases() []benign {
	r := rand.New(rand.NewPCG(11, 3))
	raw := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		return b
	}
	var sha, uuids, sums, digests, builds, b64, ids []string
	for i := range 25 {
		s1 := sha1.Sum(raw(32))
		h := hex.EncodeToString(s1[:])
		sha = append(sha,
			textResult("commit "+h+"\nAuthor: Jane Roe\nMerge: "+h[:7]+" "+h[10:17]),
			result(`{"sha":"`+h+`","tree":{"sha":"`+h+`"},"parents":[{"sha":"`+h+`"}]}`),
			textResult(`{"commit":{"id":"`+h+`","short_id":"`+h[:8]+`"}}`))
		u := raw(16)
		id := fmt.Sprintf("%x-%x-%x-%x-%x", u[:4], u[4:6], u[6:8], u[8:10], u[10:])
		uuids = append(uuids, result(`{"id":"`+id+`","request_id":"`+id+`"}`), textResult("trace_id="+id+" span="+id[:8]))
		m5 := md5.Sum(raw(40))
		s256 := sha256.Sum256(raw(40))
		sums = append(sums,
			textResult(hex.EncodeToString(s256[:])+"  release.tar.gz\n"+hex.EncodeToString(m5[:])+"  release.zip"),
			result(`{"checksum":"sha256:`+hex.EncodeToString(s256[:])+`","md5":"`+hex.EncodeToString(m5[:])+`","sha1":"`+hex.EncodeToString(s1[:])+`"}`))
		digests = append(digests,
			textResult("image: ghcr.io/acme/api@sha256:"+hex.EncodeToString(s256[:])),
			result(`{"digest":"sha256:`+hex.EncodeToString(s256[:])+`","mediaType":"application/vnd.oci.image.manifest.v1+json"}`))
		builds = append(builds,
			textResult(fmt.Sprintf("build-id: %x\nBuild ID: %s", raw(20), base64.RawURLEncoding.EncodeToString(raw(18)))),
			result(fmt.Sprintf(`{"build_id":"%x","run_id":%d,"build":"%s"}`, raw(20), r.Uint32(), base64.RawURLEncoding.EncodeToString(raw(12)))))
		prose := []string{"The quick brown fox jumps over the lazy dog.", "Meeting notes: ship the release on Friday, then rotate on-call.", "Hello, world! This is an ordinary sentence of text."}[i%3]
		b64 = append(b64, textResult("data: "+base64.StdEncoding.EncodeToString([]byte(prose+strconv.Itoa(i)))), result(`{"payload":"`+base64.StdEncoding.EncodeToString([]byte(prose))+`"}`))
		etag := base64.RawURLEncoding.EncodeToString(raw(24))
		ids = append(ids,
			result(`{"id":"`+etag+`","etag":"W/\"`+hex.EncodeToString(raw(16))+`\"","request_id":"req_`+base64.RawURLEncoding.EncodeToString(raw(18))+`","sha":"`+hex.EncodeToString(s1[:])+`"}`),
			result(`{"next_page_token":"`+etag+`","nextPageToken":"`+etag+`","token_type":"Bearer","expires_in":3600}`),
			textResult(`{"etag":"`+hex.EncodeToString(raw(16))+`","id":"`+etag+`","cursor":"`+etag+`"}`))
	}
	placeholders := []string{
		result(`{"password":"***","token":"<redacted>","api_key":"changeme","secret":"","client_secret":"${CLIENT_SECRET}","auth":"{{ .Values.auth }}","credentials":"[REDACTED:mcpmesh-secret-member]"}`),
		result(`{"password":"********","apiKey":"xxxxxxxxxxxxxxxx","token":"your_token_here","secret":"<secret>","auth":"none","pwd":"null","access_key":"EXAMPLEKEY"}`),
		result(`{"inputSchema":{"properties":{"password":{"type":"string","description":"The user's password"}}}}`),
		result(`{"token_endpoint":"https://auth.example.com/oauth/token","token_type":"Bearer","token_endpoint_auth_methods_supported":["client_secret_basic"],"expires_in":3600}`),
		result(`{"secret_name":"db-credentials","secretRef":"projects/p/secrets/db/versions/latest","password_file":"/run/secrets/db_password","passwordPolicy":"min 12 chars"}`),
		result(`{"author":"Jane Roe","keyboard":"us-intl","public_key_id":"k-2025-01","sessionKeyRotation":"daily","max_tokens":4096}`),
		`{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"a1B2c3D4e5F6g7H8","progress":50}}`,
		result(`{"_meta":{"progressToken":"Xk29dLq81Zp0"},"clientToken":"4fA9-22bQ-x81Z","idempotency_token":"k3J9dLq81Zp0aa"}`),
	}
	for _, line := range []string{
		"password: ********", "token=<your-token-here>", "API_KEY=$API_KEY", "secret = os.environ['SECRET']", "DB_PASSWORD=changeme",
		`token := r.Header.Get("Authorization")`, "password = settings.DATABASE_PASSWORD", `"password": "required"`,
		"const apiKey = process.env.API_KEY;", "api_key = getenv(\"API_KEY\")", "token: ${{ secrets.GITHUB_TOKEN }}",
		"postgres://user:password@localhost/db", "https://user:${PASS}@host/x", "redis://:<password>@cache:6379",
		"Reset your password: click the link. The token expired; request a new token: it lasts one hour.",
		"Error: invalid token: unauthorized", "auth: required", "secret: hidden", "The key: keep it safe.",
		"Set PASSWORD=... in your .env file", "password: [REDACTED:mcpmesh-secret-member]",
	} {
		placeholders = append(placeholders, textResult(line))
	}
	return []benign{
		{"commit hashes", sha},
		{"UUIDs", uuids},
		{"checksums (sha1, sha256, md5)", sums},
		{"image digests", digests},
		{"build ids", builds},
		{"base64 of ordinary text", b64},
		{"random ids in id, etag, request_id, sha, page tokens", ids},
		{"placeholders, code and prose near secret names", placeholders},
	}
}

// gitleaksSamples rebuilds the true positives of gitleaks' default rules
// from its generator sources (cmd/generate/config/rules in the module, the
// code that produced config.DefaultConfig and checked each rule against
// them). Each rule function lists tps, mostly built by helpers such as
// utils.GenerateSampleSecrets(id, secrets.NewSecret(regex)); the test
// evaluates those expressions itself (the helpers' package pulls in all of
// gitleaks). Rules that do not apply to message content (path rules,
// composite rules) are left out, as are samples it cannot evaluate.
func gitleaksSamples(t *testing.T) (map[string][]string, int) {
	t.Helper()
	dir := gitleaksDir(t)
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, filepath.Join(dir, "cmd/generate/config/rules"), func(fi os.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	templates := sampleTemplates(t, filepath.Join(dir, "cmd/generate/config/utils/generate.go"))
	rs, err := defaultRules()
	if err != nil {
		t.Fatal(err)
	}
	content := map[string]bool{}
	for _, r := range rs.rules {
		content[r.id] = true
	}
	ev := &evaluator{rnd: rand.New(rand.NewPCG(1, 2)), templates: templates, consts: map[string]any{}}
	for _, p := range pkgs {
		for _, f := range p.Files {
			for _, d := range f.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && (gd.Tok == token.CONST || gd.Tok == token.VAR) {
					for _, sp := range gd.Specs {
						vs := sp.(*ast.ValueSpec)
						for i, n := range vs.Names {
							if i < len(vs.Values) {
								if v, ok := ev.eval(vs.Values[i], nil); ok {
									ev.consts[n.Name] = v
								}
							}
						}
					}
				}
			}
		}
	}
	out := map[string][]string{}
	skipped := 0
	for _, p := range pkgs {
		for _, f := range p.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				id, tps, miss := ev.ruleSamples(fd.Body)
				if id == "" || !content[id] {
					continue
				}
				out[id] = append(out[id], tps...)
				skipped += miss
			}
		}
	}
	if len(out) < 100 {
		t.Fatalf("rebuilt samples of only %d rules", len(out))
	}
	return out, skipped
}

func gitleaksDir(t *testing.T) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/zricethezav/gitleaks/v8").Output()
	if err != nil || strings.TrimSpace(string(out)) == "" {
		t.Fatalf("locate the gitleaks module: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// sampleTemplates reads the map literal of GenerateSampleSecrets.
func sampleTemplates(t *testing.T, file string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		fd, ok := n.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "GenerateSampleSecrets" {
			return true
		}
		ast.Inspect(fd, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				if lit, ok := kv.Value.(*ast.BasicLit); ok {
					s, _ := strconv.Unquote(lit.Value)
					out = append(out, s)
				}
			}
			return true
		})
		return false
	})
	if len(out) < 10 {
		t.Fatalf("GenerateSampleSecrets: %d templates", len(out))
	}
	return out
}

type evaluator struct {
	rnd       *rand.Rand
	templates []string
	consts    map[string]any
}

// ruleSamples walks a rule function: the RuleID of its config.Rule
// literal, and the values of tps (or truePositives) where it is passed to
// utils.Validate.
func (ev *evaluator) ruleSamples(body *ast.BlockStmt) (id string, tps []string, miss int) {
	env := map[string]any{}
	var validated ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Rule" && id == "" {
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok && fmt.Sprint(kv.Key) == "RuleID" {
						if v, ok := ev.eval(kv.Value, env); ok {
							id, _ = v.(string)
						}
					}
				}
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Validate" && len(n.Args) >= 2 {
				validated = n.Args[1]
			}
		}
		return true
	})
	if validated == nil {
		return "", nil, 0
	}
	name := fmt.Sprint(validated)
	for _, st := range body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		lhs := fmt.Sprint(as.Lhs[0])
		if lhs != name {
			if v, ok := ev.eval(as.Rhs[0], env); ok {
				env[lhs] = v
			}
			continue
		}
		// tps := []string{...}; tps = append(tps, ...)
		var elems []ast.Expr
		switch rhs := as.Rhs[0].(type) {
		case *ast.CompositeLit:
			elems = rhs.Elts
		case *ast.CallExpr:
			if fmt.Sprint(rhs.Fun) == "append" && len(rhs.Args) > 1 {
				elems = rhs.Args[1:]
			} else {
				elems = []ast.Expr{rhs}
			}
		default:
			miss++
			continue
		}
		for _, e := range elems {
			v, ok := ev.eval(e, env)
			if !ok {
				miss++
				continue
			}
			switch v := v.(type) {
			case string:
				tps = append(tps, v)
			case []string: // GenerateSampleSecrets(...)... or a list literal
				tps = append(tps, v...)
			}
		}
	}
	return id, tps, miss
}

// eval computes a string or []string expression of the rule sources.
func (ev *evaluator) eval(e ast.Expr, env map[string]any) (any, bool) {
	str := func(e ast.Expr) (string, bool) {
		v, ok := ev.eval(e, env)
		s, isStr := v.(string)
		return s, ok && isStr
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return e.Value, e.Kind == token.INT
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.ParenExpr:
		return ev.eval(e.X, env)
	case *ast.Ident:
		if v, ok := env[e.Name]; ok {
			return v, true
		}
		v, ok := ev.consts[e.Name]
		return v, ok
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return nil, false
		}
		a, ok1 := str(e.X)
		b, ok2 := str(e.Y)
		return a + b, ok1 && ok2
	case *ast.CompositeLit:
		var out []string
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			s, ok := str(el)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	case *ast.CallExpr:
		var args []string
		for _, a := range e.Args {
			s, ok := str(a)
			if !ok {
				return nil, false
			}
			args = append(args, s)
		}
		arg := func(i int) string {
			if i < len(args) {
				return args[i]
			}
			return ""
		}
		switch fn := fmt.Sprint(e.Fun); fn {
		case "&{utils GenerateSampleSecret}":
			return fmt.Sprintf("%s_api_token = \"%s\"", arg(0), arg(1)), len(args) == 2
		case "&{utils GenerateSampleSecrets}":
			rep := strings.NewReplacer("{i}", arg(0), "{I}", strings.ToUpper(arg(0)), "{s}", arg(1))
			var out []string
			for _, tpl := range ev.templates {
				out = append(out, rep.Replace(tpl))
			}
			return out, len(args) == 2
		case "&{secrets NewSecret}":
			s, err := ev.generate(arg(0))
			return s, err == nil
		case "&{utils Numeric}":
			return fmt.Sprintf(`[0-9]{%s}`, arg(0)), true
		case "&{utils Hex}":
			return fmt.Sprintf(`[a-f0-9]{%s}`, arg(0)), true
		case "&{utils AlphaNumeric}":
			return fmt.Sprintf(`[a-z0-9]{%s}`, arg(0)), true
		case "&{utils AlphaNumericExtendedShort}":
			return fmt.Sprintf(`[a-z0-9_-]{%s}`, arg(0)), true
		case "&{utils AlphaNumericExtended}":
			return fmt.Sprintf(`[a-z0-9=_\-]{%s}`, arg(0)), true
		case "&{utils AlphaNumericExtendedLong}":
			return fmt.Sprintf(`[a-z0-9\/=_\+\-]{%s}`, arg(0)), true
		case "&{utils Hex8_4_4_4_12}":
			return `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`, true
		case "&{fmt Sprintf}":
			if len(args) == 0 {
				return nil, false
			}
			as := make([]any, len(args)-1)
			for i, a := range args[1:] {
				as[i] = a
			}
			return fmt.Sprintf(args[0], as...), true
		case "&{strings Repeat}":
			n, err := strconv.Atoi(arg(1))
			return strings.Repeat(arg(0), max(n, 0)), err == nil
		}
	}
	return nil, false
}

// generate produces a string that the regular expression matches, as
// gitleaks' secrets.NewSecret does (reggen): unbounded repeats stop at 10.
func (ev *evaluator) generate(pattern string) (string, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return "", err
	}
	re = re.Simplify()
	var b strings.Builder
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpLiteral:
			for _, c := range re.Rune {
				b.WriteRune(c)
			}
		case syntax.OpCharClass:
			var ascii []rune
			for i := 0; i < len(re.Rune); i += 2 {
				for c := re.Rune[i]; c <= re.Rune[i+1] && c < 0x7f; c++ {
					if unicode.IsPrint(c) {
						ascii = append(ascii, c)
					}
				}
			}
			if len(ascii) > 0 {
				b.WriteRune(ascii[ev.rnd.IntN(len(ascii))])
			} else if len(re.Rune) > 0 {
				b.WriteRune(re.Rune[0])
			}
		case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
			b.WriteByte(alnum[ev.rnd.IntN(len(alnum))])
		case syntax.OpCapture:
			walk(re.Sub[0])
		case syntax.OpConcat:
			for _, s := range re.Sub {
				walk(s)
			}
		case syntax.OpAlternate:
			walk(re.Sub[ev.rnd.IntN(len(re.Sub))])
		case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
			lo, hi := 0, 10
			switch re.Op {
			case syntax.OpPlus:
				lo = 1
			case syntax.OpQuest:
				hi = 1
			case syntax.OpRepeat:
				lo, hi = re.Min, re.Max
				if hi < 0 {
					hi = lo + 10
				}
			}
			n := lo + ev.rnd.IntN(hi-lo+1)
			for range n {
				walk(re.Sub[0])
			}
		}
	}
	walk(re)
	return b.String(), nil
}
