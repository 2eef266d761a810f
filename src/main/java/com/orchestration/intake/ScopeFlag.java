package com.orchestration.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Scope flags of SPEC §4.2 and whether each raises or lowers the tier. Java only counts them per direction; how much a
 * count moves the tier is the DMN decision {@code scope-adjustment}, so a process owner retunes it without Java.
 * Which direction a flag has is fixed by the spec and kept here (a DMN table per flag would cost one evaluation each).
 */
enum ScopeFlag {
  MULTIPLE_MODULES("multipleModules", Direction.RAISING),
  FRONTEND_AND_BACKEND("frontendAndBackend", Direction.RAISING),
  NEW_EXTERNAL_DEPENDENCY("newExternalDependency", Direction.RAISING),
  /** The spec names "new external dependency or API contract change" as one flag: both count once together. */
  API_CONTRACT_CHANGE("apiContractChange", Direction.RAISING),
  SECURITY_SENSITIVE("securitySensitive", Direction.RAISING),
  DATABASE_SCHEMA_CHANGE("databaseSchemaChange", Direction.RAISING),
  PERFORMANCE_CRITICAL("performanceCritical", Direction.RAISING),
  PRODUCTION_FACING("productionFacing", Direction.RAISING),
  SINGLE_FILE_NO_DEPENDENCIES("singleFileNoDependencies", Direction.LOWERING),
  TYPO_OR_DOCS_ONLY("typoOrDocsOnly", Direction.LOWERING),
  CONFIGURATION_FLAG_ONLY("configurationFlagOnly", Direction.LOWERING);

  enum Direction { RAISING, LOWERING }

  private final String jsonName;
  private final Direction direction;

  ScopeFlag(String jsonName, Direction direction) {
    this.jsonName = jsonName;
    this.direction = direction;
  }

  String jsonName() {
    return jsonName;
  }

  Direction direction() {
    return direction;
  }

  /** The spec flag this one counts as (dependency and API change are one spec flag). */
  ScopeFlag countedAs() {
    return this == API_CONTRACT_CHANGE ? NEW_EXTERNAL_DEPENDENCY : this;
  }

  static Optional<ScopeFlag> fromJson(String value) {
    return Arrays.stream(values()).filter(f -> f.jsonName.equals(value)).findFirst();
  }

  static List<String> jsonNames() {
    return Arrays.stream(values()).map(ScopeFlag::jsonName).toList();
  }
}
