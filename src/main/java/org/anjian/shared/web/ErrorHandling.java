package org.anjian.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidRowsException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.database.RowSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into what its audience can use: RFC 9457 problem details with a Chinese {@code detail}
 * for {@code /api/**}, the friendly error page for pages. No stack trace ever leaves the server; an
 * unexpected failure is logged with a reference number that the user can quote.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	/** The configured upload limit, to name it: the container's refusal does not always carry it. */
	private final DataSize maxFileSize;

	/** What the layout needs (the person, the navigation), which an error page's model would otherwise lack. */
	private final ObjectProvider<LayoutModel> layout;

	private final Refusals refusals;

	ErrorHandling(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
			ObjectProvider<LayoutModel> layout, Refusals refusals) {
		this.maxFileSize = maxFileSize;
		this.layout = layout;
		this.refusals = refusals;
	}

	@ExceptionHandler(InvalidInputException.class)
	Object invalidInput(InvalidInputException e, HttpServletRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "输入有误", e.getMessage(), request.getRequestURI());
		if (e.field() != null) {
			problem.setProperty("errors", Map.of(e.field(), e.getMessage()));
		}
		return answer(request, problem);
	}

	/** A file with bad rows: every bad row with its line, column and reason, so that all are fixed at once. */
	@ExceptionHandler(InvalidRowsException.class)
	Object invalidRows(InvalidRowsException e, HttpServletRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "文件内容有误，未导入任何数据", e.getMessage(),
				request.getRequestURI());
		problem.setProperty("badRowCount", e.badLines());
		problem.setProperty("rowErrors", e.problems());
		return answer(request, problem);
	}

	/** An upload over spring.servlet.multipart.max-file-size is the user's to split, not a server failure. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		long bytes = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : maxFileSize.toBytes();
		String limit = "（上限 " + DataSize.ofBytes(bytes).toMegabytes() + " MB）";
		return answer(request, Problems.of(HttpStatus.valueOf(413), "上传文件过大",
				"上传的文件超过允许的大小" + limit + "：请拆分为几个较小的文件分别上传", request.getRequestURI()));
	}

	@ExceptionHandler({ MissingServletRequestPartException.class, MultipartException.class })
	Object notMultipart(Exception e, HttpServletRequest request) {
		String detail = e instanceof MissingServletRequestPartException m
				? "请选择要上传的文件（表单字段 " + m.getRequestPartName() + "）"
				: "请以 multipart/form-data 方式上传文件";
		return answer(request, Problems.of(HttpStatus.BAD_REQUEST, "请求有误", detail, request.getRequestURI()));
	}

	@ExceptionHandler(BindException.class)
	Object bind(BindException e, HttpServletRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		e.getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
		String detail = errors.isEmpty() ? "输入有误，请检查后重试"
				: "输入有误：" + String.join("；", errors.entrySet().stream().map(x -> x.getKey() + " " + x.getValue()).toList());
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "输入有误", detail, request.getRequestURI());
		problem.setProperty("errors", errors);
		return answer(request, problem);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	Object unreadable(Exception e, HttpServletRequest request) {
		String detail = "请求内容无法解析：请发送格式正确的 JSON（UTF-8）";
		if (e instanceof MethodArgumentTypeMismatchException m) {
			// a script reads the parameter's name; a person reads what kind of value was expected instead
			detail = Problems.isApi(request) ? "参数 " + m.getName() + " 的值“" + m.getValue() + "”格式不正确"
					: "地址或表单中的“" + m.getValue() + "”不是有效的" + kind(m.getRequiredType()) + "，请检查后重试";
		}
		else if (e instanceof MissingServletRequestParameterException m) {
			detail = "缺少必填参数 " + m.getParameterName();
		}
		return answer(request, Problems.of(HttpStatus.BAD_REQUEST, "请求有误", detail, request.getRequestURI()));
	}

	/** What a value of a parameter's type is called, for a person who typed or followed a bad one. */
	static String kind(Class<?> type) {
		if (type == null) {
			return "值";
		}
		if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class || type == short.class) {
			return "数字（编号、年份或页码）";
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
			return "日期（年-月-日）";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "是或否";
		}
		return type.isEnum() ? "选项" : "值";
	}

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	Object notFound(Exception e, HttpServletRequest request) {
		String detail = e instanceof NotFoundException ? e.getMessage() : "您访问的地址不存在";
		return answer(request, Problems.of(HttpStatus.NOT_FOUND, "未找到", detail, request.getRequestURI()));
	}

	@ExceptionHandler(InvalidTransitionException.class)
	Object transition(InvalidTransitionException e, HttpServletRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "当前状态不允许此操作", e.getMessage(), request.getRequestURI());
		problem.setProperty("currentState", e.current());
		problem.setProperty("attemptedAction", e.attempted());
		return answer(request, problem);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	Object staleVersion(OptimisticLockingFailureException e, HttpServletRequest request) {
		return answer(request, Problems.of(HttpStatus.CONFLICT, "数据已被修改",
				"这条数据刚被他人修改过，请刷新后在最新内容上重新操作", request.getRequestURI()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object denied(AccessDeniedException e, HttpServletRequest request, Locale locale) {
		String detail = e.getMessage() == null || e.getMessage().startsWith("Access") ? "您无权执行此操作" : e.getMessage();
		if (!Problems.isApi(request)) {
			// a person is told which roles the page is for
			detail = refusals.why(e, detail, locale);
		}
		return answer(request, Problems.of(HttpStatus.FORBIDDEN, "禁止访问", detail, request.getRequestURI()));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
		return answer(request, Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法",
				"该地址不支持 " + e.getMethod() + " 请求", request.getRequestURI()));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		return answer(request, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型",
				"请以 application/json 发送请求内容", request.getRequestURI()));
	}

	/**
	 * The database has the last word: a row outside the caller's jurisdiction (row-level security, 42501) or a
	 * duplicate (23505) is the caller's mistake, not a server failure.
	 */
	@ExceptionHandler(DataAccessException.class)
	Object database(DataAccessException e, HttpServletRequest request) {
		if (RowSecurity.refusedOutsideScope(e)) {
			return answer(request, Problems.of(HttpStatus.FORBIDDEN, "超出管辖范围",
					"该数据不在您的管辖范围内，不能写入或修改", request.getRequestURI()));
		}
		if (RowSecurity.duplicate(e)) {
			return answer(request, Problems.of(HttpStatus.CONFLICT, "重复登记", "该数据已存在，请勿重复登记", request.getRequestURI()));
		}
		return unexpected(e, request);
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception e, HttpServletRequest request) {
		String reference = UUID.randomUUID().toString().substring(0, 8);
		log.error("Unexpected failure {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
		return answer(request, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误",
				"系统处理时出错，请稍后重试；如仍出错请联系管理员并提供错误编号 " + reference, request.getRequestURI()));
	}

	private Object answer(HttpServletRequest request, ProblemDetail problem) {
		if (Problems.isApi(request)) {
			return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.valueOf(problem.getStatus()));
		page.addObject("errorStatus", problem.getStatus());
		page.addObject("errorTitle", problem.getTitle());
		page.addObject("errorDetail", problem.getDetail());
		// the layout of every page: the navigation and the person's name stay on an error page (unless what failed
		// keeps them from being known too, say the database: then the page shows without them)
		try {
			layout.orderedStream().forEach(contributor -> contributor.contribute(page.getModel()));
		}
		catch (RuntimeException e) {
			log.warn("Error page without its layout on {}: {}", request.getRequestURI(), e.toString());
		}
		return page;
	}
}
