# syntax=docker/dockerfile:1
# One image recipe for every Snack Manager service (docker-compose.yml and k8s/ use it for all six).
# The jars are built beforehand, on the host:
#   ./mvnw -B -DskipTests package
#   docker build --build-arg MODULE=snack-service --build-arg PORT=8082 -t snack-manager/snack-service:0.1.0-SNAPSHOT .
# The base image is pinned by tag (Temurin JRE 17 on Ubuntu Noble, which ships curl for the health check).

FROM eclipse-temurin:17.0.17_10-jre-noble AS layers
ARG MODULE
ARG VERSION=0.1.0-SNAPSHOT
WORKDIR /build
COPY ${MODULE}/target/${MODULE}-${VERSION}.jar app.jar
# Spring Boot's layers: dependencies change rarely, the application on every build.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination layers

FROM eclipse-temurin:17.0.17_10-jre-noble
ARG MODULE
ARG PORT=8080
LABEL org.opencontainers.image.title="snack-manager/${MODULE}" \
      org.opencontainers.image.source="https://github.com/snack-manager/snack-manager"
RUN groupadd --system --gid 10001 snack \
 && useradd --system --uid 10001 --gid snack --home-dir /app --no-create-home --shell /usr/sbin/nologin snack
WORKDIR /app
COPY --from=layers /build/layers/dependencies/ ./
COPY --from=layers /build/layers/spring-boot-loader/ ./
COPY --from=layers /build/layers/snapshot-dependencies/ ./
COPY --from=layers /build/layers/application/ ./
# The JVM sizes its heap from the container's memory limit; /tmp is the only writable path
# (Kubernetes mounts an emptyDir there: the root file system is read-only).
ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
# State a container may keep on a volume: the auth-service's own signing key in docker-compose
# (SNACK_JWT_GENERATED_KEY_FILE). Owned by the service user, so a fresh named volume mounted here is too.
RUN install -d -o 10001 -g 10001 -m 700 /var/lib/snack/keys
# numeric, so that Kubernetes' runAsNonRoot can verify it
USER 10001:10001
# the API; actuator (probes, metrics) answers on the management port, 9090 (service-defaults)
EXPOSE ${PORT} 9090
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${MANAGEMENT_SERVER_PORT:-9090}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
