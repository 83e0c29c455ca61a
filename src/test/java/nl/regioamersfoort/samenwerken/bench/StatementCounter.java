package nl.regioamersfoort.samenwerken.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends to its database, by kind ("insert ACT_HI_TASKINST",
 * "select ACT_RU_TASK", ...): every statement executed, each statement of a JDBC batch counted on its
 * own. Wraps the application's DataSource (benchmarks only: {@code @Import(StatementCounter.class)}).
 */
final class StatementCounter implements BeanPostProcessor {

    private static final Pattern VERB = Pattern.compile("^\\s*(select|insert|update|delete)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATED_TABLE = Pattern.compile("^\\s*update\\s+([A-Za-z0-9_.\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE = Pattern.compile("\\b(?:from|into)\\s+([A-Za-z0-9_.\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, LongAdder> BY_KIND = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource ? wrap(DataSource.class, dataSource, null) : bean;
    }

    /** Forgets what was counted so far. */
    static void reset() {
        BY_KIND.clear();
    }

    static long total() {
        return BY_KIND.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The most frequent kinds, most frequent first. */
    static List<Map.Entry<String, Long>> top(int count) {
        return BY_KIND.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(count).toList();
    }

    static String kind(String sql) {
        if (sql == null) {
            return "?";
        }
        Matcher verb = VERB.matcher(sql);
        if (!verb.find()) {
            return sql.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        }
        String kind = verb.group(1).toLowerCase(Locale.ROOT);
        Matcher table = (kind.equals("update") ? UPDATED_TABLE : TABLE).matcher(sql);
        return table.find() ? kind + " " + table.group(1).replace("\"", "").toUpperCase(Locale.ROOT) : kind;
    }

    private static void count(String sql) {
        BY_KIND.computeIfAbsent(kind(sql), k -> new LongAdder()).increment();
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, T target, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(method, target, args);
            String name = method.getName();
            if (result instanceof Connection connection && type == DataSource.class) {
                return wrap(Connection.class, connection, null);
            }
            if (result instanceof Statement statement && type == Connection.class
                    && (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement"))) {
                Class<? extends Statement> statementType = name.equals("createStatement") ? Statement.class
                        : name.equals("prepareCall") ? java.sql.CallableStatement.class : java.sql.PreparedStatement.class;
                return wrap((Class<Statement>) statementType, statement, args != null && args.length > 0 && args[0] instanceof String s ? s : null);
            }
            if (target instanceof Statement) {
                if (name.equals("addBatch")) {
                    count(args != null && args.length == 1 && args[0] instanceof String s ? s : sql);
                } else if (name.startsWith("execute") && !name.equals("executeBatch") && !name.equals("executeLargeBatch")) {
                    count(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
                }
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
