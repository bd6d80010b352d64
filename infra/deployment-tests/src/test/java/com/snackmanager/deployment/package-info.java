/**
 * Offline checks of the suite's deployment files: {@code docker-compose.yml} and the shared {@code
 * Dockerfile}, the {@code k8s/} overlays as {@code kubectl kustomize} renders them, the Prometheus
 * and Grafana provisioning under {@code infra/}, and {@code docs/deployment.md}. Nothing here needs
 * a Docker engine or a cluster.
 */
package com.snackmanager.deployment;
