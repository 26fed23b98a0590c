// Which private resources a function uses: endpoint attributes count, ARNs
// and names do not; a secret counts only when no Data API may be in use;
// RDS proxies give a second hop.
#include <catch2/catch.hpp>

#include "core/resource_uses.h"
#include "tests/network_builder.h"

using namespace vpclint;
using namespace vpclint::testing;

namespace {

uint32_t store(Model& m, const std::string& id, DataStoreKind kind, std::vector<EndpointAttr> attrs = {}) {
    DataStore d;
    d.id = id;
    d.kind = kind;
    d.loc = line_at(500 + static_cast<uint32_t>(m.data_stores.size()) * 10);
    d.endpoint_attrs = std::move(attrs);
    d.port = known_text("5432");
    m.data_stores.push_back(d);
    return static_cast<uint32_t>(m.data_stores.size() - 1);
}

void mention(Model& m, uint32_t f, const std::string& name, const std::string& id, const std::string& attr) {
    EnvVar v;
    v.name = name;
    v.value = unknown_text("", "depends on " + id);
    v.refs.push_back({id, "", attr});
    v.loc = line_at(900 + static_cast<uint32_t>(m.functions[f].environment.size()));
    m.functions[f].environment.push_back(v);
}

}  // namespace

TEST_CASE("an endpoint attribute is a use; an ARN or identifier is not", "[resource-uses]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t f = b.function_in("Fn", {b.subnet("S", vpc)});
    Model m = b.build();
    uint32_t db = store(m, "Db", DataStoreKind::RdsInstance, {{"Endpoint.Address", ""}});
    mention(m, f, "DB_ARN", "Db", "DBInstanceArn");
    mention(m, f, "DB_ID", "Db", "");
    CHECK(compute_resource_uses(m).functions[f].empty());
    mention(m, f, "DB_HOST", "Db", "Endpoint.Address");
    ResourceUses u = compute_resource_uses(m);
    REQUIRE(u.functions[f].size() == 1);
    CHECK(u.functions[f][0].resource == db);
    CHECK(u.functions[f][0].loc.line == 902);
}

TEST_CASE("a secret tied to a cluster counts unless the Data API may be in use", "[resource-uses]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t f = b.function_in("Fn", {b.subnet("S", vpc)});
    Model m = b.build();
    uint32_t cluster = store(m, "Cluster", DataStoreKind::RdsCluster);
    uint32_t att = store(m, "Attachment", DataStoreKind::SecretAttachment);
    m.data_stores[att].secret = "Secret";
    m.data_stores[att].target = resolved(cluster);
    m.data_stores[cluster].http_endpoint.value = Tri::No;
    mention(m, f, "SECRET_ARN", "Secret", "");
    CHECK(compute_resource_uses(m).functions[f].size() == 1);
    m.data_stores[cluster].http_endpoint.value = Tri::Yes;  // EnableHttpEndpoint: HTTPS to the Data API
    CHECK(compute_resource_uses(m).functions[f].empty());
    m.data_stores[cluster].http_endpoint.value = Tri::Unknown;
    CHECK(compute_resource_uses(m).functions[f].empty());
}

TEST_CASE("a proxy a function uses gives a hop to the database behind it; EFS goes through the access point",
          "[resource-uses]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t s = b.subnet("S", vpc);
    uint32_t f = b.function_in("Fn", {s});
    Model m = b.build();
    uint32_t db = store(m, "Db", DataStoreKind::RdsInstance, {{"Endpoint.Address", ""}});
    uint32_t proxy = store(m, "Proxy", DataStoreKind::DbProxy, {{"Endpoint", ""}});
    uint32_t tg = store(m, "TargetGroup", DataStoreKind::ProxyTargetGroup);
    m.data_stores[tg].parent = resolved(proxy);
    m.data_stores[tg].target = resolved(db);
    uint32_t fs = store(m, "Fs", DataStoreKind::EfsFileSystem);
    uint32_t mt = store(m, "MountTarget", DataStoreKind::EfsMountTarget);
    m.data_stores[mt].parent = resolved(fs);
    m.data_stores[mt].subnets.present = true;
    m.data_stores[mt].subnets.items.push_back(resolved(s));
    m.data_stores[mt].security_groups.present = true;
    uint32_t ap = store(m, "AccessPoint", DataStoreKind::EfsAccessPoint);
    m.data_stores[ap].parent = resolved(fs);
    ResourceUses none = compute_resource_uses(m);
    CHECK(none.proxy_hops.empty());  // nobody uses the proxy
    mention(m, f, "DB_HOST", "Proxy", "Endpoint");
    m.functions[f].file_systems.present = true;
    m.functions[f].file_systems.items.push_back(resolved(ap));
    ResourceUses u = compute_resource_uses(m);
    REQUIRE(u.proxy_hops.size() == 1);
    CHECK(u.proxy_hops[0].proxy == proxy);
    CHECK(u.proxy_hops[0].database == db);
    REQUIRE(u.functions[f].size() == 2);
    CHECK(u.functions[f][1].resource == fs);
    CHECK(u.placement[fs].subnets == std::vector<uint32_t>{s});
    CHECK(u.placement[fs].subnets_complete);
    CHECK(u.placement[fs].private_only == Tri::Yes);
}

TEST_CASE("RDS public accessibility decides whether a database is private", "[resource-uses]") {
    Model m;
    uint32_t a = store(m, "Private", DataStoreKind::RdsInstance);
    m.data_stores[a].publicly_accessible.value = Tri::No;
    uint32_t p = store(m, "Public", DataStoreKind::RdsInstance);
    m.data_stores[p].publicly_accessible.value = Tri::Yes;
    uint32_t d = store(m, "DefaultVpc", DataStoreKind::RdsInstance);  // no subnet group: unknown
    uint32_t c = store(m, "Cluster", DataStoreKind::RdsCluster);       // Aurora, no member instance known
    ResourceUses u = compute_resource_uses(m);
    CHECK(u.placement[a].private_only == Tri::Yes);
    CHECK(u.placement[p].private_only == Tri::No);
    CHECK(u.placement[d].private_only == Tri::Unknown);
    CHECK(u.placement[c].private_only == Tri::Unknown);
}
