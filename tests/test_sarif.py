"""SARIF 2.1.0 output, checked structurally against the OASIS schema.

No package on PyPI ships the SARIF 2.1.0 schema (sarif-om, jschema-to-python, sarif-tools,
sarif-pydantic and pysarif were checked), and tests must not use the network, so this
test encodes, for every object newslint emits, the schema's required properties, the
properties it allows (the schema sets ``additionalProperties: false``), and the enums
and minimums of the values used. A log that passes here passes the published schema.
"""
import json

import pytest

# object type -> (required, allowed) from sarif-schema-2.1.0.json
SCHEMA = {
    "sarifLog": ({"version", "runs"}, {"$schema", "version", "runs", "inlineExternalProperties", "properties"}),
    "run": ({"tool"}, {"tool", "invocations", "conversion", "language", "versionControlProvenance",
                       "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results",
                       "automationDetails", "runAggregates", "baselineGuid", "redactionTokens",
                       "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind",
                       "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
                       "translations", "policies", "webRequests", "webResponses", "specialLocations",
                       "properties"}),
    "tool": ({"driver"}, {"driver", "extensions", "properties"}),
    "toolComponent": ({"name"}, {"guid", "name", "organization", "product", "productSuite", "shortDescription",
                                 "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion",
                                 "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings",
                                 "notifications", "rules", "taxa", "locations", "language", "contents",
                                 "isComprehensive", "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion",
                                 "associatedComponent", "translationMetadata", "supportedTaxonomies", "properties"}),
    "reportingDescriptor": ({"id"}, {"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
                                     "shortDescription", "fullDescription", "messageStrings",
                                     "defaultConfiguration", "helpUri", "help", "relationships", "properties"}),
    "reportingConfiguration": (set(), {"enabled", "level", "rank", "parameters", "properties"}),
    "multiformatMessageString": ({"text"}, {"text", "markdown", "properties"}),
    "message": (set(), {"text", "markdown", "id", "arguments", "properties"}),
    "invocation": ({"executionSuccessful"}, {
        "commandLine", "arguments", "responseFiles", "startTimeUtc", "endTimeUtc", "exitCode", "ruleConfigurationOverrides",
        "notificationConfigurationOverrides", "toolExecutionNotifications", "toolConfigurationNotifications",
        "exitCodeDescription", "exitSignalName", "exitSignalNumber", "processStartFailureMessage",
        "executionSuccessful", "machine", "account", "processId", "executableLocation", "workingDirectory",
        "environmentVariables", "stdin", "stdout", "stderr", "stdoutStderr", "properties"}),
    "notification": ({"message"}, {"locations", "message", "level", "threadId", "timeUtc", "exception",
                                   "descriptor", "associatedRule", "properties"}),
    "result": ({"message"}, {"ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations",
                             "guid", "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints",
                             "stacks", "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions",
                             "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris", "provenance",
                             "fixes", "taxa", "webRequest", "webResponse", "properties"}),
    "location": (set(), {"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships",
                         "properties"}),
    "physicalLocation": (set(), {"address", "artifactLocation", "region", "contextRegion", "properties"}),
    "artifactLocation": (set(), {"uri", "uriBaseId", "index", "description", "properties"}),
    "region": (set(), {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset",
                       "byteLength", "snippet", "message", "sourceLanguage", "properties"}),
    "artifactContent": (set(), {"text", "binary", "rendered", "properties"}),
    "fix": ({"artifactChanges"}, {"description", "artifactChanges", "properties"}),
    "artifactChange": ({"artifactLocation", "replacements"}, {"artifactLocation", "replacements", "properties"}),
    "replacement": ({"deletedRegion"}, {"deletedRegion", "insertedContent", "properties"}),
}
LEVELS = {"none", "note", "warning", "error"}


def check(kind, obj, where="log"):
    assert isinstance(obj, dict), f"{where}: {kind} must be an object"
    required, allowed = SCHEMA[kind]
    missing = required - set(obj)
    assert not missing, f"{where}: {kind} lacks required {sorted(missing)}"
    extra = set(obj) - allowed
    assert not extra, f"{where}: {kind} has properties the schema forbids: {sorted(extra)}"
    if "properties" in obj:
        assert isinstance(obj["properties"], dict)
    return obj


def message(obj, where):
    check("message", obj, where)
    assert "text" in obj or "id" in obj, f"{where}: a message needs text or id"
    assert isinstance(obj.get("text", ""), str)


def region(obj, where):
    check("region", obj, where)
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        if key in obj:
            assert isinstance(obj[key], int) and obj[key] >= 1, f"{where}: {key} >= 1"
    for key in ("charOffset", "charLength"):
        if key in obj:
            assert isinstance(obj[key], int) and obj[key] >= 0, f"{where}: {key} >= 0"
    if "snippet" in obj:
        check("artifactContent", obj["snippet"], where + ".snippet")


def artifact_location(obj, where):
    check("artifactLocation", obj, where)
    assert isinstance(obj.get("uri", ""), str) and " " not in obj.get("uri", ""), f"{where}: uri must be a URI"


def validate(log):
    check("sarifLog", log)
    assert log["version"] == "2.1.0"
    assert log.get("$schema", "https://").startswith("https://")
    assert isinstance(log["runs"], list)
    for r, run in enumerate(log["runs"]):
        w = f"runs[{r}]"
        check("run", run, w)
        assert run.get("columnKind") in (None, "utf16CodeUnits", "unicodeCodePoints")
        check("tool", run["tool"], w + ".tool")
        driver = check("toolComponent", run["tool"]["driver"], w + ".driver")
        ids = []
        for i, rule in enumerate(driver.get("rules", [])):
            rw = f"{w}.rules[{i}]"
            check("reportingDescriptor", rule, rw)
            ids.append(rule["id"])
            for key in ("shortDescription", "fullDescription", "help"):
                if key in rule:
                    check("multiformatMessageString", rule[key], f"{rw}.{key}")
            if "defaultConfiguration" in rule:
                cfg = check("reportingConfiguration", rule["defaultConfiguration"], rw)
                assert cfg.get("level", "warning") in LEVELS
        assert len(ids) == len(set(ids)), "rule ids are unique"
        for i, inv in enumerate(run.get("invocations", [])):
            check("invocation", inv, f"{w}.invocations[{i}]")
            assert isinstance(inv["executionSuccessful"], bool)
            for j, n in enumerate(inv.get("toolExecutionNotifications", [])):
                check("notification", n, f"{w}.notifications[{j}]")
                message(n["message"], f"{w}.notifications[{j}]")
                assert n.get("level", "warning") in LEVELS
                for loc in n.get("locations", []):
                    check("location", loc, w)
                    check("physicalLocation", loc["physicalLocation"], w)
                    artifact_location(loc["physicalLocation"]["artifactLocation"], w)
        for i, res in enumerate(run.get("results", [])):
            rw = f"{w}.results[{i}]"
            check("result", res, rw)
            message(res["message"], rw)
            assert res.get("level", "warning") in LEVELS
            if "ruleIndex" in res:
                assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
            for loc in res.get("locations", []):
                check("location", loc, rw)
                phys = check("physicalLocation", loc["physicalLocation"], rw)
                assert "artifactLocation" in phys or "address" in phys
                artifact_location(phys["artifactLocation"], rw)
                region(phys["region"], rw)
            for fx in res.get("fixes", []):
                check("fix", fx, rw)
                if "description" in fx:
                    message(fx["description"], rw)
                assert len(fx["artifactChanges"]) >= 1
                for ch in fx["artifactChanges"]:
                    check("artifactChange", ch, rw)
                    artifact_location(ch["artifactLocation"], rw)
                    assert len(ch["replacements"]) >= 1
                    for rep in ch["replacements"]:
                        check("replacement", rep, rw)
                        region(rep["deletedRegion"], rw)
                        if "insertedContent" in rep:
                            check("artifactContent", rep["insertedContent"], rw)
            for key, value in res.get("partialFingerprints", {}).items():
                assert isinstance(value, str)


HOUSE = """\
pack: house
description: Test house style.
defaults: {category: style, severity: warning}
rules:
  - id: toward
    kind: substitution
    swap: {towards: toward}
    safe: true
    message: "use '{suggestion}'"
    why: American house style uses toward; the British form reads oddly in American copy.
    examples: {bad: ["He walked towards the door."], good: ["He walked toward the door."]}
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "house.yaml").write_text(HOUSE)
    (tmp_path / ".newslint.yaml").write_text("extra-packs: [house.yaml]\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a b.md").write_text("# Budget\n\nHe walked towards the door.\n\nRead more\n")
    (tmp_path / "drafts" / "bad.md").write_bytes(b"caf\xe9\n")
    return tmp_path


def test_sarif_log_is_valid_and_complete(cli, project):
    proc = cli("check", "drafts", "--format", "sarif", "--date", "2025-11-22", cwd=project)
    assert proc.returncode == 2  # an unreadable file is an input error, still reported in the log
    log = json.loads(proc.stdout)
    validate(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "newslint" and run["columnKind"] == "unicodeCodePoints"
    results = {r["ruleId"]: r for r in run["results"]}
    nav = results["clutter.navigation-link"]
    loc = nav["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "drafts/a%20b.md"
    assert loc["region"]["startLine"] == 5 and loc["region"]["startColumn"] == 1
    assert loc["region"]["snippet"]["text"] == "Read more" and nav["level"] == "warning"
    rule = run["tool"]["driver"]["rules"][nav["ruleIndex"]]
    assert rule["id"] == "clutter.navigation-link" and rule["fullDescription"]["text"]
    assert rule["properties"]["category"] == "clutter"
    fix = results["house.toward"]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    text = (project / "drafts" / "a b.md").read_text()
    start, length = fix["deletedRegion"]["charOffset"], fix["deletedRegion"]["charLength"]
    assert text[start:start + length] == "towards" and fix["insertedContent"]["text"] == "toward"
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "not valid UTF-8" in inv["toolExecutionNotifications"][0]["message"]["text"]


def test_clean_run_is_successful(cli, tmp_path):
    (tmp_path / "a.md").write_text("# Budget\n\nThe council met on Tuesday and approved the budget.\n")
    proc = cli("check", "a.md", "--format", "sarif", cwd=tmp_path)
    log = json.loads(proc.stdout)
    validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_validator_catches_what_the_schema_forbids():
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "a"}]}]}
    with pytest.raises(AssertionError, match="lacks required"):
        validate(bad)
    extra = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "colour": 1}}}]}
    with pytest.raises(AssertionError, match="forbids"):
        validate(extra)
