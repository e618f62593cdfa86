#!/usr/bin/env bash
# Installs the pinned tools that test/conformance needs into <repo>/.tools/conformance:
#   - Node.js 22 (npm package "node"; the conformance suite does not run on older Node)
#   - the MCP conformance suite (npm package "@modelcontextprotocol/conformance")
#
# The versions are pinned in test/conformance/package.json, and every transitive
# dependency in test/conformance/package-lock.json. Both files are copied into the
# install folder, so `npm install` there installs exactly the locked tree.
#
# Idempotent: when the installed tree already matches the pinned files (and the
# binaries are there and run), it does nothing.
#
# Environment:
#   CONFORMANCE_TOOLS_DIR  install folder (default: <repo>/.tools/conformance)
#   NPM                    npm client to use (default: npm)
set -euo pipefail
trap 'echo "conformance/install.sh: ERROR: command failed (line $LINENO): $BASH_COMMAND" >&2' ERR

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
prefix="${CONFORMANCE_TOOLS_DIR:-$repo_root/.tools/conformance}"
npm_bin="${NPM:-npm}"

log() { echo "conformance/install.sh: $*"; }
die() {
	echo "conformance/install.sh: ERROR: $*" >&2
	echo "conformance/install.sh: the conformance tools are NOT installed; fix the error above and rerun test/conformance/install.sh" >&2
	exit 1
}

# pinned_version NAME: the exact version of dependency NAME in package.json.
pinned_version() {
	sed -n "s#^[[:space:]]*\"$1\":[[:space:]]*\"\([^\"]*\)\".*#\1#p" "$here/package.json" | head -n 1
}
# installed_version DIR: the version in DIR/package.json, or nothing.
installed_version() {
	[ -f "$1/package.json" ] || return 0
	sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$1/package.json" | head -n 1
}

node_version="$(pinned_version node)"
suite_version="$(pinned_version @modelcontextprotocol/conformance)"
[ -n "$node_version" ] || die "cannot read the pinned node version from $here/package.json"
[ -n "$suite_version" ] || die "cannot read the pinned @modelcontextprotocol/conformance version from $here/package.json"

everything_version="$(pinned_version @modelcontextprotocol/server-everything)"
[ -n "$everything_version" ] || die "cannot read the pinned @modelcontextprotocol/server-everything version from $here/package.json"

node_bin="$prefix/node_modules/node/bin/node"
everything_dir="$prefix/node_modules/@modelcontextprotocol/server-everything"
suite_dir="$prefix/node_modules/@modelcontextprotocol/conformance"
stamp="$prefix/.installed"
want_stamp="node=$node_version suite=$suite_version pins=$(cat "$here/package.json" "$here/package-lock.json" | cksum | cut -d' ' -f1)"

# is_installed: the pinned versions are installed, from the current lock, and run.
is_installed() {
	[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_stamp" ] || return 1
	[ -x "$node_bin" ] || return 1
	[ "$("$node_bin" --version 2>/dev/null)" = "v$node_version" ] || return 1
	[ "$(installed_version "$suite_dir")" = "$suite_version" ] || return 1
	[ -f "$suite_dir/dist/index.js" ] || return 1
	[ "$(installed_version "$everything_dir")" = "$everything_version" ] || return 1
}

if is_installed; then
	log "node $node_version and @modelcontextprotocol/conformance $suite_version already installed in $prefix; nothing to do"
	exit 0
fi

command -v "$npm_bin" >/dev/null 2>&1 || die "'$npm_bin' not found on PATH: install Node.js and npm (any recent version) first"
command -v node >/dev/null 2>&1 || die "'node' not found on PATH: npm needs it to run the install script of the 'node' package"

log "installing node $node_version and @modelcontextprotocol/conformance $suite_version into $prefix"
mkdir -p "$prefix" || die "cannot create $prefix"
rm -f "$stamp"
cp "$here/package.json" "$here/package-lock.json" "$prefix/" || die "cannot copy package.json and package-lock.json into $prefix"

# The "node" package fetches its platform binary (node-<os>-<arch>) from the
# registry in a preinstall script; the "allowScripts" field of package.json lets
# that script run under npm versions that block install scripts by default.
log "running: $npm_bin install --prefix $prefix --no-audit --no-fund"
if ! (cd "$prefix" && "$npm_bin" install --prefix "$prefix" --no-audit --no-fund \
	--omit-lockfile-registry-resolved); then
	die "npm install failed (see the npm output above)"
fi

[ -x "$node_bin" ] || die "npm install finished but $node_bin is missing: the install script of the 'node' package did not run (is it blocked by npm's allow-scripts policy?)"
got="$("$node_bin" --version 2>&1)" || die "$node_bin does not run: $got"
[ "$got" = "v$node_version" ] || die "$node_bin reports $got, want v$node_version"
got="$(installed_version "$suite_dir")"
[ "$got" = "$suite_version" ] || die "installed @modelcontextprotocol/conformance is '${got:-missing}', want $suite_version"
[ -f "$suite_dir/dist/index.js" ] || die "$suite_dir/dist/index.js is missing"
"$node_bin" "$suite_dir/dist/index.js" --version >/dev/null 2>&1 || die "the conformance suite does not start: $node_bin $suite_dir/dist/index.js --version"

got="$(installed_version "$everything_dir")"
[ "$got" = "$everything_version" ] || die "installed @modelcontextprotocol/server-everything is '${got:-missing}', want $everything_version"

echo "$want_stamp" >"$stamp"
log "installed: node $("$node_bin" --version) at $node_bin"
log "installed: @modelcontextprotocol/conformance $suite_version at $suite_dir"
log "installed: @modelcontextprotocol/server-everything $everything_version at $everything_dir"
