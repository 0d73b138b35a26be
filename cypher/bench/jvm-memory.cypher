// Memory benchmark (bench/memory.ts): the Neo4j JVM's heap in use and committed, in bytes, from
// the JMX bean Community exposes.
CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
RETURN attributes.HeapMemoryUsage.value.properties.used AS heapUsed,
       attributes.HeapMemoryUsage.value.properties.committed AS heapCommitted
