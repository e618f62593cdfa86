package contract

import (
	"encoding/json"
	"fmt"

	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/mcpmesh/mcpmesh/xds/ir"
)

// PolicyResourceName names the resource that carries the policy to ext_proc.
const PolicyResourceName = "mcpmesh.policy"

// PolicyTypeURL is the xDS type the policy resource travels as (go-control-
// plane's resource.ExtensionConfigType, written out so that ext_proc does not
// link the package that knows every Envoy configuration type).
const PolicyTypeURL = "type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig"

// EncodePolicy wraps the IR as JSON bytes in a TypedExtensionConfig, a type
// the xDS server already knows how to name, version and serve over ADS.
func EncodePolicy(p *ir.Policy) (*core.TypedExtensionConfig, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("encode policy: %w", err)
	}
	a, err := anypb.New(wrapperspb.Bytes(b))
	if err != nil {
		return nil, fmt.Errorf("encode policy: %w", err)
	}
	return &core.TypedExtensionConfig{Name: PolicyResourceName, TypedConfig: a}, nil
}

// DecodePolicy is the inverse of EncodePolicy; ext_proc validates what it
// receives before it uses any of it.
func DecodePolicy(tc *core.TypedExtensionConfig) (*ir.Policy, error) {
	if tc.GetName() != PolicyResourceName {
		return nil, fmt.Errorf("unexpected resource %q", tc.GetName())
	}
	var b wrapperspb.BytesValue
	if err := tc.GetTypedConfig().UnmarshalTo(&b); err != nil {
		return nil, fmt.Errorf("policy resource: %w", err)
	}
	var p ir.Policy
	if err := json.Unmarshal(b.Value, &p); err != nil {
		return nil, fmt.Errorf("policy resource: %w", err)
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("policy resource: %w", err)
	}
	return &p, nil
}
