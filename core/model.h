// The IR: a typed model of the network and IAM a template or plan describes,
// independent of the input format. Frontends (parsers/) fill it; analyses
// (core/) and rules (rules/) only read it. Entities live in vectors and link
// to each other by index; a link that cannot be resolved says why.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/location.h"

namespace vpclint {

enum class Tri : uint8_t { No, Yes, Unknown };

// A string property: absent, known, or unknown with a reason.
struct Text {
    bool present = false;
    bool known = false;
    // When known, the value. When unknown, a partial rendering may stand here
    // with the unknown parts written as ${Name} (e.g.
    // "arn:${AWS::Partition}:iam::aws:policy/..."); empty when nothing is known.
    std::string value;
    std::string reason;  // when present and unknown ("parameter VpcCidr has no value")
    // Written as a literal in the property itself (or reached through
    // Fn::If / Fn::FindInMap of literals), not through a parameter.
    bool literal = false;
    Location loc;

    bool is(const std::string& v) const { return known && value == v; }
};

// A boolean property; `value` is the effective value (defaults applied by the
// frontend), `present` says whether it was written.
struct Flag {
    bool present = false;
    Tri value = Tri::Unknown;
    std::string reason;
    Location loc;
};

enum class LinkState : uint8_t {
    Absent,    // property not written
    Resolved,  // points at an entity of this model (index)
    External,  // a known id of something outside the model ("subnet-0abc..")
    Unknown,   // cannot be resolved: `text` holds the reason
};

// A value another stack publishes, read by a link: kept out of Link itself
// (a side record, null on almost every link) so that a link is no bigger
// than one that reads nothing. The link stays Unknown until a linker
// (cli/link_stacks, cli/link_nested_stacks) finds the value.
struct LinkImport {
    // CloudFormation Fn::ImportValue: the export name, with ${AWS::StackName}
    // standing for the importing stack's name when the name is built from it;
    // empty when the value is no import or its name is computed otherwise.
    std::string imported;
    // CloudFormation: a nested stack's output (`!GetAtt Network.Outputs.X`)
    // as {stack resource, output}.
    std::pair<std::string, std::string> nested_output;
    // CloudFormation: a parameter of this template with no value of its own
    // (`!Ref SubnetIds`); a parent stack that passes it in gives it one.
    std::string parameter;
    // The value is item `split_index` of the value above split by `split`
    // (`!Select [0, !Split [",", !ImportValue X]]`); empty when the value is
    // the whole of it.
    std::string split;
    uint32_t split_index = 0;
    // With `split`: the value is one item of a list joined from several
    // parts and split again (`!Split [",", !Join [",", [!ImportValue A,
    // !ImportValue B]]]`), so the value split must be exactly one item.
    bool single = false;
};

// An owning, copyable pointer to a LinkImport (models are copied when
// stacks are linked).
class LinkImportRef {
public:
    LinkImportRef() = default;
    LinkImportRef(const LinkImportRef& o) : p_(o.p_ ? std::make_unique<LinkImport>(*o.p_) : nullptr) {}
    LinkImportRef(LinkImportRef&&) noexcept = default;
    LinkImportRef& operator=(const LinkImportRef& o) {
        if (this != &o) p_ = o.p_ ? std::make_unique<LinkImport>(*o.p_) : nullptr;
        return *this;
    }
    LinkImportRef& operator=(LinkImportRef&&) noexcept = default;
    ~LinkImportRef() = default;
    explicit LinkImportRef(LinkImport v) : p_(std::make_unique<LinkImport>(std::move(v))) {}

    const LinkImport* get() const { return p_.get(); }
    const LinkImport* operator->() const { return p_.get(); }
    explicit operator bool() const { return p_ != nullptr; }
    // The record, or an empty one: `l.import.value_or_empty().imported.empty()`.
    const LinkImport& value_or_empty() const {
        static const LinkImport none;
        return p_ ? *p_ : none;
    }

private:
    std::unique_ptr<LinkImport> p_;
};

struct Link {
    LinkState state = LinkState::Absent;
    bool literal = false;  // a literal written in the property (see Text::literal); beside `state`: no padding
    uint32_t index = 0;  // when Resolved
    std::string text;    // External: the id; Unknown: the reason
    Location loc;
    // Unknown because the value names several instances that cannot be told
    // apart (Terraform count/for_each: `aws_nat_gateway.nat[*].id`): every one
    // of them, by index into the vector this link points into. A rule only
    // reports when every candidate agrees; `state` stays Unknown.
    std::vector<uint32_t> candidates;
    // An item merged into the list from elsewhere ("Globals" for SAM), so a
    // message can say the offending item was inherited; empty when written
    // in the entity itself.
    std::string origin;
    // Where another stack (or the parent stack) publishes the value, when the
    // link reads one (see LinkImport); null on almost every link.
    LinkImportRef import;

    bool resolved() const { return state == LinkState::Resolved; }
    bool absent() const { return state == LinkState::Absent; }
};

// " (inherited from Globals)" for a merged item, else "".
inline std::string origin_note(const Link& l) { return l.origin.empty() ? std::string() : " (inherited from " + l.origin + ")"; }

// A list of links, e.g. VpcConfig.SubnetIds. `complete` is false when the list
// itself (or part of it) is unknown, e.g. a List<Subnet::Id> parameter: then
// `items` holds only what is known and `reason` says why the rest is not.
struct LinkList {
    bool present = false;
    bool complete = true;
    std::string reason;
    std::vector<Link> items;
    Location loc;
    // The whole list is one import, nested-stack output or parent parameter
    // split into items, `!Split [",", !ImportValue PrivateSubnets]` (see
    // LinkImport; `split_index` unused). The list stays incomplete until a
    // linker finds the value.
    LinkImportRef import;

    bool empty_known() const { return present && complete && items.empty(); }
};

// Every entity carries its id (CloudFormation logical id or Terraform
// address), its input type, and where it is declared.
struct Entity {
    std::string id;
    std::string type;   // "AWS::EC2::Subnet", "aws_subnet"
    Location loc;       // the resource's declaration
    // Terraform: the resource's entry in the plan JSON, when `loc` points at
    // its block in a .tf file instead.
    Location plan_loc;
    // Terraform: that entry as a JSON path ("planned_values.root_module.
    // resources[12]"), which people can find in a minified plan; a line and
    // column there cannot.
    std::string plan_path;
};

// ---------------------------------------------------------------- functions
// A resource of the model that a value references (Ref, GetAtt, ${X} in Sub).
struct ResourceMention {
    std::string id;    // logical id / address
    std::string type;  // its input type ("AWS::RDS::DBInstance")
    std::string attr;  // GetAtt attribute ("Endpoint.Address"), empty for Ref
};

struct EnvVar {
    std::string name;
    Text value;                        // known text, or unknown (see Text::value)
    std::vector<ResourceMention> refs; // resources the value references
    Location loc;                      // the variable's key
};

struct DeclaredNeed {
    std::string need;  // "internet", "dynamodb", "s3", ...
    Location loc;
};

struct Function : Entity {
    bool has_vpc_config = false;
    Location vpc_config_loc;
    LinkList subnets;           // -> Model::subnets
    LinkList security_groups;   // -> Model::security_groups
    Flag ipv6_dual_stack;
    Link role;                  // -> Model::roles
    std::vector<EnvVar> environment;
    Text inline_code;           // ZipFile / InlineCode
    std::vector<DeclaredNeed> declared_needs;
    bool declared_needs_present = false;
    // Where SAM generated parts of this function (implicit role), for messages.
    std::string generated_from;
    // FileSystemConfigs / file_system_config: EFS access points (-> data_stores).
    LinkList file_systems;
};

// ---------------------------------------------------------------- network
struct Vpc : Entity {
    Text cidr;
    Flag dns_support;     // default true
    Flag dns_hostnames;   // default false in CloudFormation
    Text instance_tenancy;  // "default" | "dedicated" | "host"
    // The main route table: Absent means the implicit one a VPC created here
    // gets (only the local route); Unknown when it cannot be known.
    Link main_route_table;  // -> Model::route_tables
};

struct Subnet : Entity {
    Link vpc;
    Text cidr;
    Text availability_zone;
    Flag map_public_ip;  // a hint only: routes decide
};

struct RouteTable : Entity {
    Link vpc;
    std::vector<uint32_t> routes;  // -> Model::routes (filled by the frontend)
};

enum class RouteTarget : uint8_t {
    None,               // no target written
    InternetGateway,
    EgressOnlyInternetGateway,
    NatGateway,
    Instance,
    TransitGateway,
    VpnGateway,
    PeeringConnection,
    NetworkInterface,
    VpcEndpoint,        // gateway load balancer / firewall endpoints
    CarrierGateway,
    LocalGateway,
    CoreNetwork,
    Local,
    Unknown,            // written but its kind cannot be told
};

std::string_view route_target_name(RouteTarget t);

struct Route : Entity {
    Link route_table;       // -> Model::route_tables
    Text destination_cidr;  // IPv4
    Text destination_ipv6;
    Text destination_prefix_list;
    RouteTarget target_kind = RouteTarget::None;
    // Resolved into the vector that matches target_kind: internet_gateways,
    // nat_gateways, instances; other kinds stay External/Unknown.
    Link target;
    bool inline_route = false;  // declared inside the route table (Terraform)
};

struct SubnetAssociation : Entity {
    Link subnet;       // -> Model::subnets
    Link route_table;  // -> Model::route_tables
};

struct InternetGateway : Entity {};

struct GatewayAttachment : Entity {
    Link vpc;               // -> Model::vpcs
    Link internet_gateway;  // -> Model::internet_gateways (Absent for VPN gateways)
};

struct NatGateway : Entity {
    Link subnet;          // Absent for a regional NAT gateway
    Text connectivity;    // "public" (default) | "private"
    Text allocation_id;   // absent when not written
    bool regional = false;
};

struct ElasticIp : Entity {};

struct Instance : Entity {
    Link subnet;
    Flag source_dest_check;  // default true
};

// ---------------------------------------------------------------- security groups
enum class RuleDirection : uint8_t { Ingress, Egress };

struct SecurityGroupRule : Entity {
    Link group;  // -> Model::security_groups
    RuleDirection direction = RuleDirection::Ingress;
    Text protocol;   // "-1", "tcp", "6", ...
    Text from_port;
    Text to_port;
    Text cidr_ipv4;
    Text cidr_ipv6;
    Link peer_group;  // source (ingress) or destination (egress) group
    bool self = false;
    Text prefix_list;
};

struct SecurityGroup : Entity {
    Link vpc;
    std::vector<uint32_t> rules;  // -> Model::security_group_rules (inline and separate)
    // CloudFormation gives a group without declared egress an allow-all
    // egress rule; Terraform removes it.
    bool default_allow_all_egress = false;
    bool egress_declared = false;
    // Whether anything other than functions (and security-group rules)
    // references the group: a database, an instance, an output, a module
    // input. Unknown when the frontend cannot tell.
    Tri used_by_non_functions = Tri::Unknown;
};

// ---------------------------------------------------------------- IAM
struct PolicyStatement {
    bool allow = true;             // Effect
    bool effect_known = true;
    bool uses_not_action = false;
    std::vector<Text> actions;     // Action or NotAction entries
    bool actions_complete = true;  // false when part of the list is unknown
    std::vector<Text> resources;   // Resource or NotResource entries
    bool uses_not_resource = false;  // the list is NotResource
    std::vector<Text> service_principals;  // trust policies: Principal.Service
    bool principal_any = false;            // Principal: "*" or AWS: "*"
    bool has_condition = false;
    Location loc;
};

struct PolicyDocument {
    bool present = false;
    bool known = true;  // false when the document (or a statement list) is unknown
    std::string reason;
    std::vector<PolicyStatement> statements;
    Location loc;
    // An inline policy's name for messages ("inline policy AllowLogs", "SAM
    // policy template VPCAccessPolicy"); empty when it has none.
    std::string name;
    // Permissions the Lambda service itself uses with the execution role, not
    // the function's code (SAM's statements for a dead-letter queue, event
    // invoke destinations, event source polling): no evidence of its needs.
    bool lambda_service_use = false;
};

// A managed policy named by ARN, or a managed policy defined in the model.
struct ManagedPolicyRef {
    Text arn;
    Link policy;  // -> Model::policies when it names one defined in the model
    Location loc;
};

struct Role : Entity {
    PolicyDocument trust_policy;
    std::vector<PolicyDocument> inline_policies;
    std::vector<ManagedPolicyRef> managed_policies;
    bool managed_policies_complete = true;  // false when the list is unknown
    std::string managed_policies_reason;
    Text permissions_boundary;
    std::string generated_from;  // SAM: the function that generated it
};

// AWS::IAM::Policy / AWS::IAM::ManagedPolicy / aws_iam_policy (+attachments).
struct Policy : Entity {
    bool managed = false;
    PolicyDocument document;
    LinkList roles;  // -> Model::roles it is attached to
};

// ---------------------------------------------------------------- endpoints and data stores
enum class EndpointType : uint8_t { Gateway, Interface, GatewayLoadBalancer, Unknown };

struct VpcEndpoint : Entity {
    Link vpc;
    Text service_name;  // full name as written/evaluated
    Text service;       // normalized: text after the last dot ("s3", "dynamodb")
    EndpointType endpoint_type = EndpointType::Gateway;
    LinkList route_tables;
    LinkList subnets;
    LinkList security_groups;
    Flag private_dns;  // default false
};

enum class DataStoreKind : uint8_t {
    RdsInstance, RdsCluster, DbProxy, CacheCluster, ReplicationGroup, ServerlessCache,
    MemoryDbCluster, DocDbCluster, NeptuneCluster, EfsFileSystem, OpenSearchDomain,
    LoadBalancer, RedshiftCluster, MskCluster, MqBroker,
    // Parts of the resources above, kept with them (see DataStore::parent):
    SubnetGroup,       // a DB / cache / Redshift subnet group: `subnets`
    EfsMountTarget,    // `parent` file system, `subnets` (its one subnet), `security_groups`
    EfsAccessPoint,    // `parent` file system
    ProxyTargetGroup,  // `parent` proxy, `target` the database behind it
    SecretAttachment,  // `secret` tied to `target` (Secrets Manager SecretTargetAttachment)
};

// Whether a kind is a part (subnet group, mount target, ...) rather than a
// resource a function connects to.
bool is_data_store_part(DataStoreKind k);
// "RDS DB instance", "EFS file system", ...
std::string_view data_store_kind_name(DataStoreKind k);

// An attribute that addresses a private resource, and the port a client of
// that attribute connects on when it differs from the resource's (MSK's
// bootstrap attributes: 9092 plaintext, 9094 TLS, 9096 SCRAM, 9098 IAM).
struct EndpointAttr {
    std::string attr;
    std::string port;
};

struct DataStore : Entity {
    DataStoreKind kind = DataStoreKind::RdsInstance;
    LinkList security_groups;
    LinkList subnets;        // when the model knows them (subnet groups, mount targets)
    Text subnet_group;       // DBSubnetGroupName / db_subnet_group_name
    Flag publicly_accessible;
    Text engine;
    Text port;               // effective port (engine default when not written)
    Flag internal;           // load balancers: scheme internal
    // The subnet group entity DBSubnetGroupName names, when the input defines
    // it (-> data_stores, kind SubnetGroup).
    Link subnet_group_ref;
    // Parts: the resource they belong to. An RDS instance in a cluster: the
    // cluster (DBClusterIdentifier / cluster_identifier).
    Link parent;
    Link target;             // ProxyTargetGroup, SecretAttachment: the database (-> data_stores)
    std::string secret;      // SecretAttachment: the id of the secret
    Flag http_endpoint;      // Aurora Data API (EnableHttpEndpoint), default false
    bool vpc_options = false;  // OpenSearch: VPCOptions given (a VPC-only domain)
    // The attributes of this resource that address it on the network, as a
    // ResourceMention writes them ("Endpoint.Address", "address"): a value
    // built from one of them is a connection; one built from its ARN or name
    // is not (IAM, the Data API).
    std::vector<EndpointAttr> endpoint_attrs;
    bool ref_is_endpoint = false;  // a bare reference (Ref / the address itself) is its endpoint
};

struct EventSourceMapping : Entity {
    Link function;     // -> Model::functions
    Text event_source; // ARN or description
};

// ---------------------------------------------------------------- frontend problems
// Problems the loader and frontend found; rules VL001/VL002 report them.
enum class ProblemKind : uint8_t { Parse, InvalidTemplate };

struct Problem {
    ProblemKind kind = ProblemKind::Parse;
    std::string message;
    std::string resource;
    Location loc;
};

// A finding the author accepted, declared on the resource (CloudFormation
// Metadata `vpclint: {ignore: [...]}`, Terraform tag `vpclint:ignore`).
struct Suppression {
    std::string resource;  // the resource whose findings it covers
    std::string rule;      // a rule id, or a prefix ("VL1")
    std::string justification;
    Location loc;
};

enum class InputFormat : uint8_t { CloudFormation, TerraformPlan, TerraformState };

// Where an entity's values came from outside its own declaration: a
// Terraform module's resource reads module inputs (`public_subnets = [...]`
// in the `module "vpc"` block). Findings that point at the entity's
// declaration (`at`) also point at these (core/engine.cpp).
struct ValueOrigin {
    Location at;
    Location origin;
    std::string message;
};

struct Model {
    std::string file;          // the input file
    InputFormat format = InputFormat::CloudFormation;
    // Empty when the model holds in every condition scenario; otherwise the
    // scenario, e.g. "when VpcEnabled is true".
    std::string scenario;
    // The condition values of this scenario (empty when nothing was enumerated).
    std::vector<std::pair<std::string, bool>> conditions;

    std::vector<Function> functions;
    std::vector<Vpc> vpcs;
    std::vector<Subnet> subnets;
    std::vector<RouteTable> route_tables;
    std::vector<Route> routes;
    std::vector<SubnetAssociation> subnet_associations;
    std::vector<InternetGateway> internet_gateways;
    std::vector<GatewayAttachment> gateway_attachments;
    std::vector<NatGateway> nat_gateways;
    std::vector<ElasticIp> elastic_ips;
    std::vector<Instance> instances;
    std::vector<SecurityGroup> security_groups;
    std::vector<SecurityGroupRule> security_group_rules;
    std::vector<Role> roles;
    std::vector<Policy> policies;
    std::vector<VpcEndpoint> vpc_endpoints;
    std::vector<DataStore> data_stores;
    std::vector<EventSourceMapping> event_source_mappings;

    std::vector<Problem> problems;
    std::vector<Suppression> suppressions;
    std::vector<ValueOrigin> value_origins;
    // Other files this model's locations point into, with their texts (a
    // plan's .tf files, read once by its frontend): path -> text.
    std::map<std::string, std::string> source_texts;
};

// Fills the index lists derived from links: RouteTable::routes and
// SecurityGroup::rules. Frontends call it once all entities are bound.
void index_children(Model& m);

}  // namespace vpclint
