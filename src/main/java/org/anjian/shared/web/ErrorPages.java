package org.anjian.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error path, for failures outside any controller (filters, unknown addresses): problem
 * details for {@code /api/**}, the friendly page otherwise; never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping({ "/error", "/error/403" })
	Object error(HttpServletRequest request, HttpServletResponse response) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : request.getRequestURI().endsWith("/403") ? 403 : response.getStatus();
		HttpStatus httpStatus = HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.valueOf(status);
		if (httpStatus.is2xxSuccessful()) {
			httpStatus = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String detail = switch (httpStatus.value()) {
			case 400 -> "请求有误，请检查后重试";
			case 401 -> "请先登录";
			case 403 -> "您无权访问该页面或执行该操作";
			case 404 -> "您访问的地址不存在";
			case 405 -> "不支持该请求方法";
			default -> "系统处理时出错，请稍后重试";
		};
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? request.getRequestURI() : uri.toString();
		if (path.startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = Problems.of(httpStatus, httpStatus.value() == 404 ? "未找到" : httpStatus.value() == 403 ? "禁止访问" : "请求失败", detail, path);
			return ResponseEntity.status(httpStatus).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(httpStatus);
		page.addObject("errorStatus", httpStatus.value());
		page.addObject("errorTitle", httpStatus.value() == 403 ? "禁止访问" : httpStatus.value() == 404 ? "未找到" : "出错了");
		page.addObject("errorDetail", detail);
		return page;
	}
}
