package dashboards

// The queries below name only metrics mcpmesh or Envoy export; tests check
// every name against the registries and a live Envoy's /stats/prometheus,
// parse every query with promtool, and run each against a real Prometheus
// scraping a running mesh.

// rate is the per-second rate of a counter over the panel's interval.
func rate(metric string) string { return "rate(" + metric + "[$__rate_interval])" }

// quantiles is a p50 and a p99 of a histogram (with label matchers, may be
// empty), split by the given labels.
func quantiles(metric, matchers, by, legend string) []Target {
	sel := "sum by (le" + by + ") (" + rate(metric+"_bucket"+matchers) + ")"
	return []Target{
		{Expr: "histogram_quantile(0.5, " + sel + ")", Legend: "p50 " + legend},
		{Expr: "histogram_quantile(0.99, " + sel + ")", Legend: "p99 " + legend},
	}
}

// All is every dashboard mcpmesh ships.
func All() []Dashboard { return []Dashboard{Overview(), Security(), ControlPlane()} }

// Overview: is traffic flowing, what is decided, how fast, what fails.
func Overview() Dashboard {
	return Dashboard{
		File: "overview.json", UID: "mcpmesh-overview", Title: "mcpmesh / Overview", Tags: []string{"mcpmesh"},
		Rows: []Row{
			{Title: "Traffic and decisions", Panels: []Panel{
				{Title: "Tool calls by server and decision", Unit: "reqps", Targets: []Target{{
					Expr: `sum by (server, decision) (` + rate(`mcpmesh_extproc_tool_calls_total{server=~"$server"}`) + `)`, Legend: "{{server}} {{decision}}"}}},
				{Title: "Messages by direction and decision", Unit: "ops", Targets: []Target{{
					Expr: `sum by (direction, decision) (` + rate(`mcpmesh_extproc_messages_total{server=~"$server"}`) + `)`, Legend: "{{direction}} {{decision}}"}}},
				{Title: "Decisions by rule", Description: "Messages denied, modified (redacted, filtered) or answered by a policy rule.", Unit: "ops", Targets: []Target{{
					Expr: `sum by (rule, decision) (` + rate(`mcpmesh_extproc_rule_decisions_total{server=~"$server"}`) + `)`, Legend: "{{decision}} {{rule}}"}}},
				{Title: "Decision latency (ext_proc, per Envoy message)", Unit: "s",
					Targets: quantiles("mcpmesh_extproc_processing_seconds", "", "", "")},
			}},
			{Title: "Errors and refusals", Panels: []Panel{
				{Title: "Refusals by reason", Description: "Requests refused before a message could be judged: overload, no policy, unavailable server, malformed input.", Unit: "ops", Targets: []Target{{
					Expr: `sum by (server, reason) (` + rate(`mcpmesh_extproc_refused_total`) + `)`, Legend: "{{server}} {{reason}}"}}},
				{Title: "Sidecar 5xx answers", Description: "Envoy's own count of 5xx answers to agents, per sidecar (listener prefix mcp_<server>); includes ext_proc failures (500), timeouts (504) and refusals (503).", Unit: "reqps", Targets: []Target{{
					Expr: `sum by (envoy_http_conn_manager_prefix) (` + rate(`envoy_http_downstream_rq_xx{envoy_response_code_class="5",envoy_http_conn_manager_prefix=~"mcp_$server"}`) + `)`, Legend: "{{envoy_http_conn_manager_prefix}}"}}},
				{Title: "Audit write errors", Unit: "ops", Targets: []Target{{
					Expr: `sum by (instance) (` + rate(`mcpmesh_extproc_audit_write_errors_total`) + `)`, Legend: "{{instance}}"}}},
				{Title: "Requests in flight through ext_proc", Unit: "short", Targets: []Target{{
					Expr: `sum by (instance) (mcpmesh_extproc_active_streams)`, Legend: "{{instance}}"}}},
			}},
			{Title: "Envoy sidecars", Panels: []Panel{
				{Title: "MCP server answers by status class", Description: "envoy_cluster_upstream_rq_xx of each upstream_<server> cluster.", Unit: "reqps", Targets: []Target{{
					Expr: `sum by (envoy_cluster_name, envoy_response_code_class) (` + rate(`envoy_cluster_upstream_rq_xx{envoy_cluster_name=~"upstream_$server"}`) + `)`, Legend: "{{envoy_cluster_name}} {{envoy_response_code_class}}xx"}}},
				{Title: "Upstream connection failures and timeouts", Unit: "ops", Targets: []Target{
					{Expr: `sum by (envoy_cluster_name) (` + rate(`envoy_cluster_upstream_cx_connect_fail{envoy_cluster_name=~"upstream_$server|mcpmesh_extproc"}`) + `)`, Legend: "connect failures {{envoy_cluster_name}}"},
					{Expr: `sum by (envoy_cluster_name) (` + rate(`envoy_cluster_upstream_rq_timeout{envoy_cluster_name=~"upstream_$server|mcpmesh_extproc"}`) + `)`, Legend: "timeouts {{envoy_cluster_name}}"},
					{Expr: `sum by (envoy_cluster_name) (` + rate(`envoy_cluster_upstream_rq_pending_overflow{envoy_cluster_name=~"upstream_$server|mcpmesh_extproc"}`) + `)`, Legend: "circuit breaker {{envoy_cluster_name}}"},
				}},
				{Title: "ext_proc streams: started and failed", Description: "Envoy's ext_proc filter: a failed stream refuses its request (fail closed).", Unit: "ops", Targets: []Target{
					{Expr: `sum by (envoy_http_conn_manager_prefix) (` + rate(`envoy_http_ext_proc_streams_started{envoy_http_conn_manager_prefix=~"mcp_$server"}`) + `)`, Legend: "started {{envoy_http_conn_manager_prefix}}"},
					{Expr: `sum by (envoy_http_conn_manager_prefix) (` + rate(`envoy_http_ext_proc_streams_failed{envoy_http_conn_manager_prefix=~"mcp_$server"}`) + `)`, Legend: "failed {{envoy_http_conn_manager_prefix}}"},
					{Expr: `sum by (envoy_http_conn_manager_prefix) (` + rate(`envoy_http_ext_proc_message_timeouts{envoy_http_conn_manager_prefix=~"mcp_$server"}`) + `)`, Legend: "timeouts {{envoy_http_conn_manager_prefix}}"},
				}},
				{Title: "ext_proc cluster: gRPC streams by status class", Unit: "ops", Targets: []Target{{
					Expr: `sum by (envoy_response_code_class) (` + rate(`envoy_cluster_upstream_rq_xx{envoy_cluster_name="mcpmesh_extproc"}`) + `)`, Legend: "{{envoy_response_code_class}}xx"}}},
				{Title: "MCP server response time (Envoy)", Unit: "ms",
					Targets: quantiles(`envoy_cluster_upstream_rq_time`, `{envoy_cluster_name=~"upstream_$server"}`, ", envoy_cluster_name", "{{envoy_cluster_name}}")},
			}},
		},
	}
}

// Security: what the policy stopped, changed or saw.
func Security() Dashboard {
	findings := func(sel string) string {
		return rate(`mcpmesh_extproc_findings_total{server=~"$server",` + sel + `}`)
	}
	return Dashboard{
		File: "security.json", UID: "mcpmesh-security", Title: "mcpmesh / Security", Tags: []string{"mcpmesh", "security"},
		Rows: []Row{
			{Title: "Since the start of the range", Panels: []Panel{
				{Title: "Denied messages", Kind: "stat", Targets: []Target{{Instant: true,
					Expr: `sum(increase(mcpmesh_extproc_rule_decisions_total{server=~"$server",decision="deny"}[$__range]))`}}},
				{Title: "Redactions", Kind: "stat", Targets: []Target{{Instant: true,
					Expr: `sum(increase(mcpmesh_extproc_findings_total{server=~"$server",action="redact",mode="enforce"}[$__range]))`}}},
				{Title: "Poisoning findings", Kind: "stat", Targets: []Target{{Instant: true,
					Expr: `sum(increase(mcpmesh_extproc_findings_total{server=~"$server",interceptor="poisoning"}[$__range]))`}}},
				{Title: "Rug pulls (pinned tool changed)", Kind: "stat", Targets: []Target{{Instant: true,
					Expr: `sum(increase(mcpmesh_extproc_findings_total{server=~"$server",rule="poisoning.changed"}[$__range]))`}}},
			}},
			{Title: "Denials and redactions", Panels: []Panel{
				{Title: "Denials by rule", Unit: "ops", Targets: []Target{{
					Expr: `sum by (server, rule) (` + rate(`mcpmesh_extproc_rule_decisions_total{server=~"$server",decision="deny"}`) + `)`, Legend: "{{server}} {{rule}}"}}},
				{Title: "Redactions by rule", Description: "Secrets and personal data replaced in a message, by the rule that matched.", Unit: "ops", Targets: []Target{{
					Expr: `sum by (server, interceptor, rule) (` + findings(`action="redact",mode="enforce"`) + `)`, Legend: "{{server}} {{interceptor}} {{rule}}"}}},
				{Title: "Shadow (audit mode) findings by rule", Description: "What rules in audit mode would have done: the basis for turning them to enforce.", Unit: "ops", Targets: []Target{{
					Expr: `sum by (interceptor, rule, action) (` + findings(`mode="audit"`) + `)`, Legend: "{{interceptor}} {{rule}} would {{action}}"}}},
			}},
			{Title: "Tool poisoning, egress, webhooks", Panels: []Panel{
				{Title: "Poisoning findings by kind", Description: "poisoning.changed is a rug pull: a pinned tool's definition changed.", Unit: "ops", Targets: []Target{{
					Expr: `sum by (server, rule, action) (` + findings(`interceptor="poisoning"`) + `)`, Legend: "{{server}} {{rule}} {{action}}"}}},
				{Title: "Egress denials", Unit: "ops", Targets: []Target{{
					Expr: `sum by (server, rule) (` + findings(`interceptor="egress",action="block"`) + `)`, Legend: "{{server}} {{rule}}"}}},
				{Title: "Webhook failures", Description: "A hook that could not decide: refused (fail closed) or let through with action audit (fail open).", Unit: "ops", Targets: []Target{{
					Expr: `sum by (server, rule, action) (` + findings(`interceptor="webhook",rule=~"webhook[.].+[.]failure"`) + `)`, Legend: "{{server}} {{rule}} {{action}}"}}},
			}},
			{Title: "Top tools", Panels: []Panel{
				{Title: "Top 10 tools called", Kind: "table", Targets: []Target{{Instant: true,
					Expr: `topk(10, sum by (server, tool) (increase(mcpmesh_extproc_tool_calls_total{server=~"$server"}[$__range])))`}}},
				{Title: "Top 10 tools denied", Kind: "table", Targets: []Target{{Instant: true,
					Expr: `topk(10, sum by (server, tool) (increase(mcpmesh_extproc_tool_calls_total{server=~"$server",decision="deny"}[$__range])))`}}},
				{Title: "Top 10 agents by calls", Description: "Verified agents (the subject of their token at the ingress); _anonymous for calls that did not come through an ingress that verifies tokens.", Kind: "table", Targets: []Target{{Instant: true,
					Expr: `topk(10, sum by (server, subject) (increase(mcpmesh_extproc_client_calls_total{server=~"$server"}[$__range])))`}}},
				{Title: "Top 10 agents by denials", Kind: "table", Targets: []Target{{Instant: true,
					Expr: `topk(10, sum by (server, subject) (increase(mcpmesh_extproc_client_calls_total{server=~"$server",decision="deny"}[$__range])))`}}},
			}},
		},
	}
}

// ControlPlane: is every node connected, current and verified.
func ControlPlane() Dashboard {
	return Dashboard{
		File: "controlplane.json", UID: "mcpmesh-controlplane", Title: "mcpmesh / Control plane", Tags: []string{"mcpmesh", "xds"},
		Rows: []Row{
			{Title: "Nodes", Panels: []Panel{
				{Title: "Connected xDS streams", Kind: "stat", Targets: []Target{{Instant: true, Expr: `sum(mcpmesh_controlplane_xds_streams)`}}},
				{Title: "Nodes not on the served policy", Kind: "stat", Targets: []Target{{Instant: true,
					Expr: `sum(mcpmesh_controlplane_node_policy_info unless on (version) mcpmesh_controlplane_policy_info) or vector(0)`}}},
				{Title: "Sidecars connected to the control plane (Envoy)", Kind: "stat", Targets: []Target{{Instant: true,
					Expr: `sum(envoy_control_plane_connected_state)`}}},
				{Title: "Policy served", Kind: "stat", Targets: []Target{{Instant: true, Expr: `count by (version) (mcpmesh_controlplane_policy_info)`, Legend: "{{version}}"}}},
				{Title: "Policy version per node", Description: "The policy version whose configuration each node last acknowledged.", Kind: "table", Targets: []Target{
					{Instant: true, Expr: `sum by (node, version) (mcpmesh_controlplane_node_policy_info)`},
				}},
				{Title: "Policy version per ext_proc instance", Kind: "table", Targets: []Target{
					{Instant: true, Expr: `max by (instance, version) (mcpmesh_extproc_policy_info)`},
				}},
				{Title: "Certificates: time left", Description: "Until the ingress's serving certificate and the mesh CA expire (MCPMeshCertificateExpiring fires under 14 days).", Kind: "table", Unit: "s", Targets: []Target{
					{Instant: true, Expr: `min by (certificate, file) (mcpmesh_controlplane_certificate_expiry_timestamp_seconds) - time()`},
				}},
			}},
			{Title: "Pushes", Panels: []Panel{
				{Title: "Pushes by resource type", Unit: "ops", Targets: []Target{{
					Expr: `sum by (type_url) (` + rate(`mcpmesh_controlplane_xds_pushes_total`) + `)`, Legend: "{{type_url}}"}}},
				{Title: "Push to ACK latency", Unit: "s", Targets: quantiles("mcpmesh_controlplane_xds_push_ack_seconds", "", ", type_url", "{{type_url}}")},
				{Title: "NACKs (configuration rejected)", Unit: "short", Targets: []Target{
					{Expr: `sum by (type_url) (increase(mcpmesh_controlplane_xds_nacks_total[$__rate_interval]))`, Legend: "control plane: {{type_url}}"},
					{Expr: `sum(increase(envoy_cluster_manager_cds_update_rejected[$__rate_interval])) + sum(increase(envoy_listener_manager_lds_update_rejected[$__rate_interval]))`, Legend: "Envoy: CDS + LDS rejected"},
				}},
				{Title: "Policy file loads by result", Unit: "short", Targets: []Target{{
					Expr: `sum by (result) (increase(mcpmesh_controlplane_policy_reloads_total[$__rate_interval]))`, Legend: "{{result}}"}}},
			}},
			{Title: "Server images", Panels: []Panel{
				{Title: "Image state per server", Description: "verified and unverified_local are routed; failed and pending are not.", Kind: "table", Targets: []Target{
					{Instant: true, Expr: `max by (server, state) (mcpmesh_controlplane_server_image) == 1`},
				}},
				{Title: "Image verifications by result", Unit: "short", Targets: []Target{{
					Expr: `sum by (server, result) (increase(mcpmesh_controlplane_image_verifications_total[$__rate_interval]))`, Legend: "{{server}} {{result}}"}}},
				{Title: "Image verification time", Unit: "s", Targets: quantiles("mcpmesh_controlplane_image_verification_seconds", "", "", "")},
			}},
		},
	}
}
